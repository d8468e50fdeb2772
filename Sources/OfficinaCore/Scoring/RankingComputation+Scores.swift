extension RankingComputation {
    /// The workshop-wide figures of goal `g`: the mean every score is shrunk toward, and the pooled
    /// spread of ratings around each proposal's own mean, with a one-rating prior at the uniform
    /// variance so it is never zero (docs/scoring.md, "Intervals").
    func goalStatistics(_ g: Int) -> GoalStatistics {
        var count = 0
        var sum = 0.0
        var withinSquares = 0.0
        var rated = 0
        for p in 0..<tally.proposalCount {
            let cell = p * tally.goalCount + g
            let n = evidence.count[cell]
            guard n > 0 else { continue }
            let s = evidence.sum[cell]
            count += n
            sum += s
            rated += 1
            withinSquares += evidence.squares[cell] - s * s / Double(n)
        }
        let mean = count > 0 ? sum / Double(count) : Self.scaleMidpoint
        let freedom = Double(count - rated) + Self.variancePriorWeight
        let variance = (max(withinSquares, 0) + Self.variancePriorWeight * Self.uniformVariance) / freedom
        return GoalStatistics(mean: mean, spread: variance.squareRoot(), ratings: count, weight: goals[g].weight)
    }

    /// Every number of proposal `p` (position in `candidates`) given the goals' statistics.
    func figures(_ p: Int, statistics: [GoalStatistics]) -> ProposalFigures {
        let candidate = candidates[p]
        let m = configuration.priorStrength
        var goalScores: [GoalScore] = []
        goalScores.reserveCapacity(goals.count)
        var goalPoints = 0.0
        var squaredHalfWidths = 0.0
        var ratings = 0
        for g in goals.indices {
            let cell = p * tally.goalCount + g
            let n = evidence.count[cell]
            let sum = evidence.sum[cell]
            let stats = statistics[g]
            let pseudo = m + Double(n)
            let score = pseudo > 0 ? (m * stats.mean + sum) / pseudo : stats.mean
            let halfWidth = z * stats.spread / (pseudo > 0 ? pseudo.squareRoot() : 1)
            let weight = normalisedWeight(g)
            let scale = 100 * goalShare * weight / Self.scaleMaximum
            let points = scale * score
            // Serving a goal is decided on integers so a mean equal to the goal's never flips on
            // rounding: sum/n > total/count ⇔ sum·count > total·n (mean·count recovers the integer
            // total exactly for any realistic count).
            // Adjusted ratings are not integers: there the own mean must clear the goal's by a margin
            // far above rounding and far below any difference a rating can make.
            let serves = stats.ratings > 0
                ? n > 0 && (evidence.integerSum.map { integers in
                    integers[cell] * stats.ratings > Int((stats.mean * Double(stats.ratings)).rounded()) * n
                } ?? (sum / Double(n) > stats.mean + 1e-9))
                : candidate.goals.contains(goals[g].key)
            goalScores.append(GoalScore(
                score: score, low: max(0, score - halfWidth), high: min(Self.scaleMaximum, score + halfWidth),
                ratings: n, mean: n > 0 ? sum / Double(n) : nil, weight: weight,
                points: points, serves: serves
            ))
            goalPoints += points
            squaredHalfWidths += (scale * halfWidth) * (scale * halfWidth)
            ratings += n
        }

        let units = tally.units[p]
        let share = ballotCount == 0 ? 0 : Double(units) / (Double(cap) * Double(ballotCount))
        let wilson = WilsonInterval(share: share, trials: ballotCount, z: z)
        let support = SupportScore(
            share: share, lower: wilson.lower, upper: wilson.upper, dots: units, supporters: tally.supporters[p]
        )
        let supportPoints = 100 * supportShare * wilson.lower
        let supportHalfWidth = 100 * supportShare * (wilson.upper - wilson.lower) / 2
        let goalSquares = squaredHalfWidths
        squaredHalfWidths += supportHalfWidth * supportHalfWidth

        let overall = goalPoints + supportPoints
        let halfWidth = squaredHalfWidths.squareRoot()
        let interval = ScoreInterval(
            low: min(overall, max(0, overall - halfWidth)), high: max(overall, min(100, overall + halfWidth))
        )
        return ProposalFigures(
            id: candidate.id, goals: goalScores, support: support,
            parts: ScoreParts(goals: goalPoints, support: supportPoints),
            overall: overall, interval: interval, deviation: posteriorDeviation(p, goalSquares: goalSquares), ratings: ratings
        )
    }
}
