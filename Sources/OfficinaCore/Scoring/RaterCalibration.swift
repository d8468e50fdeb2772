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
/// scores are `officina-1`'s. A rater whose ratings are all the same value (everything a 4, or a single
/// rating) says nothing about which proposal is better once their generosity is unknown: their ratings
/// are set aside, so they change no score.
struct RaterCalibration {
    /// Offsets per ballot position (0 for raters set aside).
    let offsets: [Double]
    let evidence: GoalEvidence

    init(tally: RankingTally, raters: Int, goalCount: Int, priorStrength m: Double, passes: Int) {
        let ratings = tally.ratingValue.count
        let cells = tally.ratingCount.count
        // Raters whose ratings all share one value carry no comparison: leave them out.
        var low = Array(repeating: UInt8.max, count: raters)
        var high = Array(repeating: UInt8.min, count: raters)
        for k in 0..<ratings {
            let i = Int(tally.ratingRater[k])
            low[i] = min(low[i], tally.ratingValue[k])
            high[i] = max(high[i], tally.ratingValue[k])
        }
        let informative = (0..<raters).map { low[$0] < high[$0] }
        let kept = (0..<ratings).filter { informative[Int(tally.ratingRater[$0])] }
        let rater = kept.map { Int(tally.ratingRater[$0]) }
        let cell = kept.map { Int(tally.ratingCell[$0]) }
        let value = kept.map { Double(tally.ratingValue[$0]) }

        var perRater = Array(repeating: 0, count: raters)
        var count = Array(repeating: 0, count: cells)
        for k in kept.indices {
            perRater[rater[k]] += 1
            count[cell[k]] += 1
        }
        var quality = Array(repeating: RankingComputation.scaleMidpoint, count: cells)
        var offset = Array(repeating: 0.0, count: raters)
        var sum = Array(repeating: 0.0, count: cells)
        var squares = Array(repeating: 0.0, count: cells)
        let total = Double(kept.count)
        for pass in 0..<passes {
            // Offsets: each rater's mean residual against the current qualities, then centred.
            var residual = Array(repeating: 0.0, count: raters)
            for k in kept.indices { residual[rater[k]] += value[k] - quality[cell[k]] }
            var centre = 0.0
            for i in 0..<raters where perRater[i] > 0 {
                offset[i] = residual[i] / Double(perRater[i])
                centre += offset[i] * Double(perRater[i])
            }
            centre = total > 0 ? centre / total : 0
            for i in 0..<raters where perRater[i] > 0 { offset[i] -= centre }

            // Qualities: the Bayesian average of the adjusted ratings, toward the goal's adjusted mean.
            sum = Array(repeating: 0.0, count: cells)
            let last = pass == passes - 1
            if last { squares = Array(repeating: 0.0, count: cells) }
            for k in kept.indices {
                let adjusted = value[k] - offset[rater[k]]
                sum[cell[k]] += adjusted
                if last { squares[cell[k]] += adjusted * adjusted }
            }
            var goalSum = Array(repeating: 0.0, count: goalCount)
            var goalRatings = Array(repeating: 0, count: goalCount)
            for c in 0..<cells {
                goalSum[c % goalCount] += sum[c]
                goalRatings[c % goalCount] += count[c]
            }
            for c in 0..<cells {
                let g = c % goalCount
                let mean = goalRatings[g] > 0 ? goalSum[g] / Double(goalRatings[g]) : RankingComputation.scaleMidpoint
                let pseudo = m + Double(count[c])
                quality[c] = pseudo > 0 ? (m * mean + sum[c]) / pseudo : mean
            }
        }
        offsets = offset
        evidence = GoalEvidence(
            count: count, sum: sum, squares: squares,
            uninformativeRaters: (0..<raters).filter { !informative[$0] && high[$0] >= low[$0] }.count
        )
    }
}
