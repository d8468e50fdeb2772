/// Integer sums of every ballot, per ranked proposal and goal: the only pass over the ballots.
///
/// Sums are kept as integers so they are exact and independent of the order ballots arrive in.
struct RankingTally: Equatable {
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
    ///
    /// Large rooms are tallied in consecutive shares of the ballots on several threads (``Lanes``) and
    /// the shares added in order: integer sums, and the kept columns in ballot order, so the tally is
    /// the same whatever the split.
    init(
        ballots: [Ballot], index: [Int64: Int], goalIndex: [String: Int], cap: Int,
        countRatings: Bool, keepRatings: Bool = false, lanes: Int? = nil
    ) {
        self.init(proposalCount: index.count, goalCount: goalIndex.count)
        let lanes = max(1, lanes ?? Lanes.count(items: ballots.count, perLane: Self.ballotsPerLane))
        guard lanes > 1 else {
            add(ballots[...], index: index, goalIndex: goalIndex, cap: cap, countRatings: countRatings, keepRatings: keepRatings)
            return
        }
        let shares = Lanes.map(lanes) { lane in
            var share = RankingTally(proposalCount: index.count, goalCount: goalIndex.count)
            share.add(ballots[Lanes.share(lane, of: lanes, count: ballots.count)], index: index, goalIndex: goalIndex, cap: cap,
                      countRatings: countRatings, keepRatings: keepRatings)
            return share
        }
        for share in shares { add(share) }
    }

    /// Ballots from which a tally is worth sharing among threads.
    static let ballotsPerLane = 1_000

    /// An empty tally.
    private init(proposalCount: Int, goalCount: Int) {
        self.proposalCount = proposalCount
        self.goalCount = goalCount
        units = Array(repeating: 0, count: proposalCount)
        supporters = units
        unitSquares = units
        ratingCount = Array(repeating: 0, count: proposalCount * goalCount)
        ratingSum = ratingCount
        ratingSquares = ratingCount
    }

    /// Adds `ballots`, a slice of the room's ballots: a ballot's position is its index in the room.
    private mutating func add(
        _ ballots: ArraySlice<Ballot>, index: [Int64: Int], goalIndex: [String: Int], cap: Int,
        countRatings: Bool, keepRatings: Bool
    ) {
        var goalKeys = Array(repeating: "", count: goalIndex.count)
        for (key, g) in goalIndex { goalKeys[g] = key }
        for (b, ballot) in zip(ballots.indices, ballots) {
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

    /// Adds the tally of the ballots that follow this one's.
    private mutating func add(_ next: RankingTally) {
        for p in 0..<proposalCount {
            units[p] += next.units[p]
            supporters[p] += next.supporters[p]
            unitSquares[p] += next.unitSquares[p]
        }
        for cell in ratingCount.indices {
            ratingCount[cell] += next.ratingCount[cell]
            ratingSum[cell] += next.ratingSum[cell]
            ratingSquares[cell] += next.ratingSquares[cell]
        }
        ratingRater += next.ratingRater
        ratingCell += next.ratingCell
        ratingValue += next.ratingValue
        supportBallot += next.supportBallot
        supportProposal += next.supportProposal
        supportUnits += next.supportUnits
    }

    /// A goal's position. With a handful of goals, comparing the (small, inline) key strings is several
    /// times faster than hashing them, and this lookup runs once per rating; many goals use the index.
    private static func position(of key: String, in keys: [String], index: [String: Int]) -> Int? {
        guard keys.count <= 8 else { return index[key] }
        for g in keys.indices where keys[g] == key { return g }
        return nil
    }
}
