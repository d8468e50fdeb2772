/// Chains of merges, and the merge part of ``BallotCounting`` for callers that know only merges.
///
/// Rules (docs/rules.md, "Merges"):
/// - chains resolve to their end (`a → b`, `b → c` gives `a → c`); a cycle is ignored;
/// - a participant's support for a duplicate and for its target add up, capped at `cap` per proposal,
///   so a participant who backed both still counts as one supporter (for approval, cap 1: one vote);
/// - a participant's own rating of the target on a goal wins; otherwise the highest rating they gave
///   one of its duplicates on that goal is carried over.
public enum BallotMerging {
    /// The final target of every merged proposal id, chains followed and cycles dropped.
    public static func resolve(_ merges: [Int64: Int64]) -> [Int64: Int64] {
        var resolved: [Int64: Int64] = [:]
        for from in merges.keys.sorted() {
            var seen: Set<Int64> = [from]
            var target = merges[from] ?? from
            var cyclic = false
            while let next = merges[target] {
                if seen.contains(target) {
                    cyclic = true
                    break
                }
                seen.insert(target)
                target = next
            }
            if !cyclic, target != from { resolved[from] = target }
        }
        return resolved
    }

    /// The ballots with every merged proposal's support and ratings moved to its target: the
    /// ``BallotCounting`` rule with only merges known (every other proposal counts as visible).
    /// `merges` maps a duplicate's id to the id it was merged into; `cap` is the per-proposal cap
    /// (1 for approval).
    public static func fold(_ ballots: [Ballot], merges: [Int64: Int64], cap: Int) -> [Ballot] {
        let counting = BallotCounting(statuses: merges.mapValues { .merged(into: $0) }, authors: [:], cap: cap)
        return ballots.map { counting.count($0).ballot }
    }
}
