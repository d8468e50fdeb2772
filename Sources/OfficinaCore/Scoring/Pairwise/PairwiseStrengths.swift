/// The current strength and comparison count of every ranked proposal, for `PairSelection`.
public enum PairwiseStrengths {
    /// One `PairCandidate` per ranked (visible) candidate, from the comparisons so far, resolved as the
    /// ranking resolves them (merges followed, hidden proposals left out).
    public static func candidates(
        _ candidates: [RankingCandidate], comparisons: [Comparison],
        priorVariance: Double = PairwiseRanking.defaultPriorVariance
    ) -> [PairCandidate] {
        var merges: [Int64: Int64] = [:]
        for candidate in candidates {
            if case .merged(let into) = candidate.status { merges[candidate.id] = into }
        }
        let targets = BallotMerging.resolve(merges)
        var seen: Set<Int64> = []
        let ranked = candidates.filter { $0.status.isRanked && seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        var index: [Int64: Int] = [:]
        for (position, candidate) in ranked.enumerated() { index[candidate.id] = position }
        let tally = PairwiseTally(comparisons, index: index, targets: targets)
        let fit = BradleyTerryFit(
            count: ranked.count, choices: tally.choices, priorVariance: priorVariance, withDeviations: false)
        return ranked.enumerated().map { position, candidate in
            PairCandidate(id: candidate.id, strength: fit.strengths[position], comparisons: tally.compared[position])
        }
    }
}
