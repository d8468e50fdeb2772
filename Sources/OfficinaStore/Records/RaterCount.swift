import OfficinaCore

/// How many participants rated a proposal (on one goal or more) and how many ratings it received,
/// counted over the ballots as cast (hides, merges and self-support not applied).
public struct RaterCount: Sendable, Hashable {
    public var raters: Int
    public var ratings: Int

    public init(raters: Int, ratings: Int) {
        self.raters = raters
        self.ratings = ratings
    }

    /// The counts per proposal straight from `ballots`: what the running tallies must equal.
    public static func counting(_ ballots: [Ballot]) -> [Int64: RaterCount] {
        var counts: [Int64: RaterCount] = [:]
        for ballot in ballots {
            for (proposal, goals) in ballot.ratings where !goals.isEmpty {
                counts[proposal, default: RaterCount(raters: 0, ratings: 0)].raters += 1
                counts[proposal, default: RaterCount(raters: 0, ratings: 0)].ratings += goals.count
            }
        }
        return counts
    }
}
