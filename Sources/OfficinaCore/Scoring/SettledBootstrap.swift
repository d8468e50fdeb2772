/// `officina-2`'s settled probability (docs/scoring.md §16): a bootstrap over ballots (Efron 1979).
/// Each resample draws as many ballots as the room cast, with replacement, recomputes the overall of
/// every contested proposal from the ballots drawn, and checks whether the current top k are still
/// the k best. The estimate is the share of resamples where they are.
///
/// Resampling whole ballots keeps what one person did together: their ratings of several proposals,
/// their dots (spent from one budget, so backing one proposal means not backing another), and how
/// spread or bunched the ratings of each proposal really are (near the top of the scale they bunch).
/// What rests on the whole room is held at its value: each rater's generosity offset, each goal's
/// mean the scores shrink toward; with tens of ratings behind each, they move far less per resample
/// than a proposal's own ratings do.
///
/// Deterministic: the resamples come from a fixed seed, so the same ranking gives the same figure.
struct SettledBootstrap {
    /// Most resamples per estimate: the standard error is then at most 0.5/√1,000 ≈ 0.016, ≈ 0.009 near 0.9.
    static let defaultResamples = 1_000
    /// Fewest resamples per estimate: standard error at most 0.5/√200 ≈ 0.035.
    static let defaultMinimum = 200
    static let block = 100
    /// The seed of every estimate (SplitMix64 state).
    static let seed: UInt64 = 0x0FF1_C1DA_B007_57A9

    /// One contested proposal's evidence, ballot by ballot.
    struct Contender {
        /// Ratings that count: the ballot's position, the goal, the rating adjusted for generosity.
        var ratingBallot: [Int32] = []
        var ratingGoal: [Int32] = []
        var ratingValue: [Double] = []
        /// Support: the ballot's position and its capped units.
        var supportBallot: [Int32] = []
        var supportUnits: [Int32] = []
    }

    /// How sums of ratings and support make an overall: the formulas of the point estimate.
    struct Formula {
        /// Each goal's mean, the scores' shrinkage target.
        var goalMeans: [Double]
        /// Points per unit of goal score: 100·α·w/4.
        var goalPoints: [Double]
        var priorStrength: Double
        /// Points per unit of the support share's Wilson lower end: 100·β.
        var supportPoints: Double
        var cap: Int
        var z: Double
    }

    /// Best first: the first k are the current top k.
    let contenders: [Contender]
    let k: Int
    /// Ballots in the room (each resample draws this many).
    let ballots: Int
    let formula: Formula

    /// The overall of contender `j` when ballot b counts `weights[b]` times (all 1: the ranking's own).
    /// A one-off rescoring (the resampling loop keeps one `SettledBootstrapEvidence` for all of them).
    func overall(_ j: Int, weights: UnsafeBufferPointer<Int32>) -> Double {
        SettledBootstrapEvidence(contenders, formula: formula, ballots: ballots).overall(j, weights: weights)
    }

    /// The share of resamples whose k best contenders are the current top k. Resamples come in blocks
    /// of `block`; after `minimum` of them the estimate stops as soon as it is clearly on one side of the
    /// threshold (more than 4 standard errors of a proportion at the threshold away from it), else at
    /// `maximum`. Effort goes where the settled decision is close: a room far from settled costs 200
    /// rescorings, one near 90% up to 1,000 (standard error ≈ 0.009 there). Deterministic all the same.
    ///
    /// A block's resamples are shared among `lanes` threads (default ``lanes(ballots:)``). Resample r
    /// always draws the stream's bits r·ballots onwards, so the figure is the same bit for bit whatever
    /// the number of lanes.
    func estimate(
        minimum: Int = defaultMinimum, maximum: Int = defaultResamples, threshold: Double = SettledProbability.threshold,
        lanes: Int? = nil
    ) -> Double {
        guard k < contenders.count else { return contenders.isEmpty ? 0 : 1 }
        guard k > 0, maximum > 0, ballots > 0 else { return 0 }
        let evidence = SettledBootstrapEvidence(contenders, formula: formula, ballots: ballots)
        let lanes = min(max(lanes ?? Self.lanes(ballots: ballots), 1), Self.block)
        var same = 0
        var drawn = 0
        while drawn < maximum {
            let size = min(Self.block, maximum - drawn)
            same += kept(drawn..<(drawn + size), lanes: lanes, evidence: evidence)
            drawn += size
            let estimate = Double(same) / Double(drawn)
            let standardError = (threshold * (1 - threshold) / Double(drawn)).squareRoot()
            if drawn >= minimum, abs(estimate - threshold) > 4 * standardError { break }
        }
        return Double(same) / Double(drawn)
    }

    /// Ballots from which a block is worth sharing among threads: below it, handing the work out costs
    /// about what it saves.
    static let ballotsPerLane = 500

    /// Threads a block's resamples are shared among: one per core, at most 4, and one for small rooms.
    static func lanes(ballots: Int) -> Int {
        Lanes.count(items: ballots, perLane: ballotsPerLane)
    }

    /// How many of the resamples `resamples` keep the current top k, shared among `lanes` threads.
    private func kept(_ resamples: Range<Int>, lanes: Int, evidence: SettledBootstrapEvidence) -> Int {
        guard lanes > 1 else { return kept(resamples, evidence: evidence) }
        return Lanes.map(lanes) { lane in
            let share = Lanes.share(lane, of: lanes, count: resamples.count)
            return kept((resamples.lowerBound + share.lowerBound)..<(resamples.lowerBound + share.upperBound), evidence: evidence)
        }.reduce(0, +)
    }

    /// How many of the resamples `resamples` keep the current top k, on the calling thread.
    private func kept(_ resamples: Range<Int>, evidence: SettledBootstrapEvidence) -> Int {
        guard !resamples.isEmpty else { return 0 }
        var random = NormalDraws(state: Self.seed, skippingBits: UInt64(resamples.lowerBound) &* UInt64(ballots))
        let scratch = evidence.makeScratch()
        let contenderCount = contenders.count
        let n = UInt64(ballots)
        var weights = Array(repeating: Int32(0), count: ballots)
        var same = 0
        for _ in resamples {
            let kept = weights.withUnsafeMutableBufferPointer { weights -> Bool in
                for b in 0..<ballots { weights[b] = 0 }
                // Lemire's multiply-shift maps 32 random bits onto 0..<n without a division.
                for _ in 0..<ballots { weights[Int(((random.nextBits() >> 32) &* n) >> 32)] += 1 }
                let drawn = UnsafeBufferPointer(weights)
                var lowestInside = Double.infinity
                for j in 0..<k { lowestInside = min(lowestInside, evidence.overall(j, weights: drawn, scratch: scratch)) }
                for j in k..<contenderCount where evidence.overall(j, weights: drawn, scratch: scratch) >= lowestInside {
                    return false
                }
                return true
            }
            if kept { same += 1 }
        }
        return same
    }
}

