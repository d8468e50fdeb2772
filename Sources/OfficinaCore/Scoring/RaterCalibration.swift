/// `officina-2`'s rater calibration: each rating is read as
///
///     r = q[proposal, goal] + b[rater] + noise
///
/// with q a proposal's quality on a goal and b how generous the rater is (one offset per person, over
/// all goals). Fitted by alternating least squares (docs/scoring.md, "officina-2"): starting from a
/// constant quality, each pass sets every offset to the rater's mean residual, centres the offsets
/// (rating-weighted mean 0, so adjusted ratings keep the room's scale), then sets every quality to the
/// Bayesian average of the adjusted ratings r − b with the same prior as `officina-1`
/// (m pseudo-ratings at the goal's mean). The adjusted ratings are then scored like raw ones.
///
/// Properties (tested): adding a constant to one rater's ratings moves every score by the same amount,
/// so no order changes; with every rater's mean equal on a complete design the offsets are 0 and the
/// scores are `officina-1`'s. A rater who rated several proposals all with the same value (everything a 4)
/// says nothing about which proposal is better once their generosity is unknown: their ratings are set
/// aside, so they change no score. A rater who rated a single proposal (one rating, or that proposal on
/// several goals) says nothing about their own generosity but something about the proposal: their offset
/// stays at the prior, 0, and their ratings count as given (docs/scoring.md §15), so a small room where
/// each person rates one or two proposals still orders them by their ratings.
struct RaterCalibration {
    /// Offsets per ballot position (0 for raters set aside).
    let offsets: [Double]
    /// Per ballot position: whether the rater's ratings count (false for raters set aside).
    let counted: [Bool]
    let evidence: GoalEvidence

    init(tally: RankingTally, raters: Int, goalCount: Int, priorStrength m: Double, passes: Int) {
        let ratings = tally.ratingValue.count
        let cells = tally.ratingCount.count
        // Raters of several proposals whose ratings all share one value carry no comparison: leave them
        // out. Raters of one proposal keep their ratings with offset 0: nothing can be fitted for them.
        var low = Array(repeating: UInt8.max, count: raters)
        var high = Array(repeating: UInt8.min, count: raters)
        var firstProposal = Array(repeating: -1, count: raters)
        var single = Array(repeating: true, count: raters)
        let perProposal = max(goalCount, 1)
        for k in 0..<ratings {
            let i = Int(tally.ratingRater[k])
            low[i] = min(low[i], tally.ratingValue[k])
            high[i] = max(high[i], tally.ratingValue[k])
            let proposal = Int(tally.ratingCell[k]) / perProposal
            if firstProposal[i] < 0 { firstProposal[i] = proposal } else if firstProposal[i] != proposal { single[i] = false }
        }
        // Kept as narrow as the tally's own columns (9 bytes a rating, not 24): at 1.2 million ratings
        // the wide copies cost more in fresh pages than the sweeps cost in arithmetic.
        var rater: [Int32] = []
        var cell: [Int32] = []
        var value: [UInt8] = []
        rater.reserveCapacity(ratings)
        cell.reserveCapacity(ratings)
        value.reserveCapacity(ratings)
        var perRater = Array(repeating: 0, count: raters)
        var fitted = 0
        var count = Array(repeating: 0, count: cells)
        for k in 0..<ratings {
            let i = Int(tally.ratingRater[k])
            guard low[i] < high[i] || single[i] else { continue }
            let c = Int(tally.ratingCell[k])
            rater.append(tally.ratingRater[k])
            cell.append(tally.ratingCell[k])
            value.append(tally.ratingValue[k])
            // Only fitted raters count here: a single-proposal rater's offset stays at the prior.
            if !single[i] { perRater[i] += 1; fitted += 1 }
            count[c] += 1
        }
        let goalOf = (0..<cells).map { goalCount > 0 ? $0 % goalCount : 0 }
        var quality = Array(repeating: RankingComputation.scaleMidpoint, count: cells)
        var offset = Array(repeating: 0.0, count: raters)
        var residual = Array(repeating: 0.0, count: raters)
        var sum = Array(repeating: 0.0, count: cells)
        var squares = Array(repeating: 0.0, count: cells)
        var goalSum = Array(repeating: 0.0, count: goalCount)
        var goalRatings = Array(repeating: 0, count: goalCount)
        for c in 0..<cells { goalRatings[goalOf[c]] += count[c] }
        let total = Double(fitted)
        // The sweeps run over raw buffers: each pass touches every rating twice, and bounds checks and
        // uniqueness checks would otherwise cost as much as the arithmetic.
        rater.withUnsafeBufferPointer { rater in
        cell.withUnsafeBufferPointer { cell in
        value.withUnsafeBufferPointer { value in
        quality.withUnsafeMutableBufferPointer { quality in
        offset.withUnsafeMutableBufferPointer { offset in
        residual.withUnsafeMutableBufferPointer { residual in
        sum.withUnsafeMutableBufferPointer { sum in
            for pass in 0..<passes {
                // Offsets: each rater's mean residual against the current qualities, then centred.
                for i in 0..<raters { residual[i] = 0 }
                for k in 0..<value.count { residual[Int(rater[k])] += Double(value[k]) - quality[Int(cell[k])] }
                var centre = 0.0
                for i in 0..<raters where perRater[i] > 0 {
                    offset[i] = residual[i] / Double(perRater[i])
                    centre += offset[i] * Double(perRater[i])
                }
                centre = total > 0 ? centre / total : 0
                for i in 0..<raters where perRater[i] > 0 { offset[i] -= centre }

                // Qualities: the Bayesian average of the adjusted ratings, toward the goal's adjusted mean.
                for c in 0..<cells { sum[c] = 0 }
                if pass == passes - 1 {
                    for k in 0..<value.count {
                        let adjusted = Double(value[k]) - offset[Int(rater[k])]
                        sum[Int(cell[k])] += adjusted
                        squares[Int(cell[k])] += adjusted * adjusted
                    }
                } else {
                    for k in 0..<value.count { sum[Int(cell[k])] += Double(value[k]) - offset[Int(rater[k])] }
                }
                for g in 0..<goalCount { goalSum[g] = 0 }
                for c in 0..<cells { goalSum[goalOf[c]] += sum[c] }
                for c in 0..<cells {
                    let g = goalOf[c]
                    let mean = goalRatings[g] > 0 ? goalSum[g] / Double(goalRatings[g]) : RankingComputation.scaleMidpoint
                    let pseudo = m + Double(count[c])
                    quality[c] = pseudo > 0 ? (m * mean + sum[c]) / pseudo : mean
                }
            }
        }}}}}}}
        offsets = offset
        counted = (0..<raters).map { low[$0] < high[$0] || single[$0] }
        evidence = GoalEvidence(
            count: count, sum: sum, squares: squares,
            uninformativeRaters: (0..<raters).filter { low[$0] == high[$0] && !single[$0] }.count
        )
    }
}
