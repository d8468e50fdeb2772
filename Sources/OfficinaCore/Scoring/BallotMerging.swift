/// Folds the support and ratings given to merged duplicates into the proposals they were merged into.
///
/// Rules (docs/scoring.md, "Merges"):
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

    /// The ballots with every merged proposal's support and ratings moved to its target.
    /// `merges` maps a duplicate's id to the id it was merged into; `cap` is the per-proposal cap
    /// (1 for approval).
    public static func fold(_ ballots: [Ballot], merges: [Int64: Int64], cap: Int) -> [Ballot] {
        let targets = resolve(merges)
        guard !targets.isEmpty else { return ballots }
        let cap = max(1, cap)
        return ballots.map { fold($0, targets: targets, cap: cap) }
    }

    private static func fold(_ ballot: Ballot, targets: [Int64: Int64], cap: Int) -> Ballot {
        var support: [Int64: Int] = [:]
        var folded: Set<Int64> = []
        for (id, units) in ballot.support where units > 0 {
            if let target = targets[id] {
                support[target, default: 0] += units
                folded.insert(target)
            } else {
                support[id, default: 0] += units
            }
        }
        for target in folded {
            support[target] = min(support[target] ?? 0, cap)
        }

        var ratings: [Int64: [String: Int]] = [:]
        var carried: [Int64: [String: Int]] = [:]
        for (id, goals) in ballot.ratings {
            if let target = targets[id] {
                for (goal, value) in goals {
                    carried[target, default: [:]][goal] = max(carried[target]?[goal] ?? value, value)
                }
            } else {
                ratings[id] = goals
            }
        }
        for (target, goals) in carried {
            ratings[target] = goals.merging(ratings[target] ?? [:]) { _, own in own }
        }
        return Ballot(participantID: ballot.participantID, support: support, ratings: ratings)
    }
}
