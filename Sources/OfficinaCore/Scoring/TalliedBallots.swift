/// A workshop's counted ballots as running tallies (``BallotSums`` after ``BallotCounting`` applied
/// merges, hides and self-support) and how many ballots they sum: what a ranking reads instead of
/// every ballot when its method needs nothing per voter.
///
/// Per-voter data is needed, and the ranking reads ``ScoringInput/ballots`` instead, for
/// `officina-2` with ratings (each rater's generosity is fitted from their own ratings), for broad
/// support (per participant group) and for pairwise voting (per answered pair).
public struct TalliedBallots: Sendable, Hashable {
    /// Counted support and ratings per proposal.
    public var sums: BallotSums
    /// Ballots cast (one per participant), counted whatever they hold.
    public var ballots: Int

    public init(sums: BallotSums, ballots: Int) {
        self.sums = sums
        self.ballots = ballots
    }

    /// Whether a ranking of `input` by `method` (with broad support weighed in or not) is computed
    /// from tallies alone, exactly as from every ballot.
    public static func suffice(for input: ScoringInput, method: ScoringMethod, bridging: Bool) -> Bool {
        !(method == .officina2 && input.settings.ratingsEnabled)
            && !bridging && input.participantGroups.isEmpty && input.groupOf.isEmpty
            && !input.settings.votingMethod.strategy.collectsComparisons
    }
}
