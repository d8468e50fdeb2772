/// Which pair a participant is asked about next (docs/scoring.md, "Pairwise method").
///
/// The first proposal is the least-compared one the participant can still be asked about, so every
/// proposal is covered and the comparisons spread evenly. Its partner is, among the `neighbours`
/// proposals nearest to it in current strength, the least-compared: a choice between near equals is
/// the most informative one (its outcome is least predictable, p(1 − p) is largest), while a choice
/// between a strong and a weak proposal mostly confirms what is known. Ties at each step are broken
/// by random keys from the participant's `ExposureStream`, so nobody can predict or steer the pairs
/// and a room answering at once does not all get the same pair. A pair the participant already
/// answered (or skipped) is never offered again.
///
/// ```swift
/// var stream = ExposureStream(secret: secret, context: "ACD347:42:pair:7")
/// let pair = PairSelection.next(candidates, answered: answered, stream: &stream)
/// ```
public enum PairSelection {
    /// How many strength-neighbours the partner is chosen from. A wider window spreads comparisons more
    /// evenly, a narrower one asks closer questions; 2–3 did best in the quality bench (1: 0.909,
    /// 3: 0.918, 5: 0.904 against 0.894 for random pairs; benchmarks/quality.md).
    public static let defaultNeighbours = 3

    /// The next pair, or nil when fewer than two proposals remain or every pair has been answered.
    /// `candidates` are the ranked (visible) proposals only; duplicates by id are ignored.
    public static func next(
        _ candidates: [PairCandidate], answered: Set<ProposalPair>, stream: inout ExposureStream,
        neighbours: Int = defaultNeighbours
    ) -> ProposalPair? {
        var byID: [Int64: PairCandidate] = [:]
        for candidate in candidates { byID[candidate.id] = candidate }
        let sorted = byID.values.sorted { $0.id < $1.id }
        guard sorted.count >= 2 else { return nil }
        let keys = sorted.map { _ in stream.next() }
        var answeredWith: [Int64: Int] = [:]
        for pair in answered where byID[pair.low] != nil && byID[pair.high] != nil {
            answeredWith[pair.low, default: 0] += 1
            answeredWith[pair.high, default: 0] += 1
        }
        let open = sorted.indices.filter { (answeredWith[sorted[$0].id] ?? 0) < sorted.count - 1 }
        guard let first = open.min(by: { (sorted[$0].comparisons, keys[$0]) < (sorted[$1].comparisons, keys[$1]) }) else {
            return nil
        }
        let anchor = sorted[first]
        let partners = sorted.indices.filter { index in
            guard index != first, let pair = ProposalPair(anchor.id, sorted[index].id) else { return false }
            return !answered.contains(pair)
        }
        let nearest = partners.sorted { a, b in
            let da = abs(sorted[a].strength - anchor.strength)
            let db = abs(sorted[b].strength - anchor.strength)
            return da != db ? da < db : keys[a] < keys[b]
        }.prefix(max(1, neighbours))
        guard let partner = nearest.min(by: { (sorted[$0].comparisons, keys[$0]) < (sorted[$1].comparisons, keys[$1]) }) else {
            return nil
        }
        return ProposalPair(anchor.id, sorted[partner].id)
    }
}
