/// Integer sums of every ballot, per ranked proposal and goal: the only pass over the ballots.
///
/// Sums are kept as integers so they are exact and independent of the order ballots arrive in.
struct RankingTally {
    let proposalCount: Int
    let goalCount: Int
    /// Support units per proposal, each ballot's contribution capped.
    var units: [Int]
    /// Ballots giving the proposal any support.
    var supporters: [Int]
    /// Σ over ballots of the (capped) units squared: the spread of support per ballot.
    var unitSquares: [Int]
    /// Per proposal × goal (index `p * goalCount + g`): number, sum and sum of squares of ratings.
    var ratingCount: [Int]
    var ratingSum: [Int]
    var ratingSquares: [Int]
    /// Every counted rating one by one (only when asked to keep them, for `RaterCalibration`): the
    /// ballot's position in `ballots`, the cell, the clamped value.
    var ratingRater: [Int32] = []
    var ratingCell: [Int32] = []
    var ratingValue: [UInt8] = []
    /// Every ballot's support one by one (kept with the ratings, for `SettledBootstrap`): the ballot's
    /// position, the proposal's position, the capped units.
    var supportBallot: [Int32] = []
    var supportProposal: [Int32] = []
    var supportUnits: [Int32] = []

    /// Tallies `ballots` for the proposals in `index` (id → position) and goals in `goalIndex`.
    /// Support for unknown proposals and ratings on unknown goals are ignored; ratings are clamped to
    /// 0…`Ballot.maxRating` and support to 0…`cap`.
    init(
        ballots: [Ballot], index: [Int64: Int], goalIndex: [String: Int], cap: Int,
        countRatings: Bool, keepRatings: Bool = false
    ) {
        proposalCount = index.count
        goalCount = goalIndex.count
        units = Array(repeating: 0, count: proposalCount)
        supporters = Array(repeating: 0, count: proposalCount)
        unitSquares = supporters
        ratingCount = Array(repeating: 0, count: proposalCount * goalCount)
        ratingSum = ratingCount
        ratingSquares = ratingCount
        var goalKeys = Array(repeating: "", count: goalIndex.count)
        for (key, g) in goalIndex { goalKeys[g] = key }
        for (b, ballot) in ballots.enumerated() {
            for (id, given) in ballot.support where given > 0 {
                guard let p = index[id] else { continue }
                units[p] += min(given, cap)
                unitSquares[p] += min(given, cap) * min(given, cap)
                supporters[p] += 1
                if keepRatings {
                    supportBallot.append(Int32(truncatingIfNeeded: b))
                    supportProposal.append(Int32(truncatingIfNeeded: p))
                    supportUnits.append(Int32(truncatingIfNeeded: min(given, cap)))
                }
            }
            guard countRatings else { continue }
            for (id, goals) in ballot.ratings {
                guard let p = index[id] else { continue }
                for (key, value) in goals {
                    guard let g = Self.position(of: key, in: goalKeys, index: goalIndex) else { continue }
                    let rating = min(max(value, 0), Ballot.maxRating)
                    let cell = p * goalCount + g
                    ratingCount[cell] += 1
                    ratingSum[cell] += rating
                    ratingSquares[cell] += rating * rating
                    if keepRatings {
                        ratingRater.append(Int32(truncatingIfNeeded: b))
                        ratingCell.append(Int32(truncatingIfNeeded: cell))
                        ratingValue.append(UInt8(truncatingIfNeeded: rating))
                    }
                }
            }
        }
    }

    /// A goal's position. With a handful of goals, comparing the (small, inline) key strings is several
    /// times faster than hashing them, and this lookup runs once per rating; many goals use the index.
    private static func position(of key: String, in keys: [String], index: [String: Int]) -> Int? {
        guard keys.count <= 8 else { return index[key] }
        for g in keys.indices where keys[g] == key { return g }
        return nil
    }
}
