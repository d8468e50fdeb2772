/// The exports' names for the support columns. With pairwise voting they hold comparisons, not dots or
/// approvals (docs/scoring.md §20: share of comparisons won, its lower bound, the people who chose the
/// proposal at least once, the times it was chosen), so they are named for what they hold.
extension ReportLabels {
    /// Support share, its lower bound, supporters, support units: for `votingMethod`.
    func supportColumns(_ votingMethod: VotingMethod) -> [String] {
        guard votingMethod == .pairwise else { return [support, supportLower, supporters, supportUnits] }
        return isItalian
            ? ["Scelta nei confronti", "scelta nei confronti limite inferiore", "Scelta da", "volte scelta"]
            : ["Chosen in comparisons", "chosen in comparisons lower bound", "Chosen by", "times chosen"]
    }
}

extension ReportLabels {
    /// The method section's note when no goal scores are shown.
    func noGoalScoresNote(_ votingMethod: VotingMethod) -> String {
        guard votingMethod == .pairwise else { return ratingsOff }
        return isItalian
            ? "Ogni coppia è giudicata su tutti gli obiettivi insieme: non ci sono punteggi per obiettivo."
            : "Each pair is judged against all goals at once: there are no scores per goal."
    }
}
