/// What every voting method reads from a ``ScoringInput`` before it scores: the goals (each key once,
/// weights finite and not negative), the proposals in id order (each id once), which are ranked and
/// which are left out (hidden or merged, with the proposal a merge ends at).
struct ScoringPreparation {
    let goals: [Goal]
    /// Every proposal, in id order.
    let all: [RankingCandidate]
    /// The proposals the ranking orders, in id order.
    let candidates: [RankingCandidate]
    let excluded: [ExcludedProposal]
    /// Where each merged proposal ends up, following chains of merges (``BallotMerging/resolve(_:)``).
    let targets: [Int64: Int64]

    init(_ input: ScoringInput) {
        var seenGoals: Set<String> = []
        goals = input.goals.compactMap { goal in
            guard seenGoals.insert(goal.key).inserted else { return nil }
            var goal = goal
            goal.weight = goal.weight.isFinite && goal.weight > 0 ? goal.weight : 0
            return goal
        }
        var byID: [Int64: RankingCandidate] = [:]
        for candidate in input.candidates { byID[candidate.id] = candidate }
        all = byID.values.sorted { $0.id < $1.id }
        var merges: [Int64: Int64] = [:]
        for candidate in all {
            if case .merged(let into) = candidate.status { merges[candidate.id] = into }
        }
        let targets = BallotMerging.resolve(merges)
        self.targets = targets
        candidates = all.filter { $0.status.isRanked }
        excluded = all.filter { !$0.status.isRanked }.map { candidate in
            ExcludedProposal(
                id: candidate.id, title: candidate.title, status: candidate.status.name,
                mergedInto: targets[candidate.id], buildOns: candidate.buildOns)
        }
    }
}
