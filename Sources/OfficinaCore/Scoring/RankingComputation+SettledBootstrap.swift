/// Which estimate the settled probability uses (docs/scoring.md §16), and the bootstrap's evidence.
extension RankingComputation {
    /// `officina-2` (ratings adjusted, ballots kept one by one) resamples ballots (`SettledBootstrap`).
    /// `officina-1`, and `officina-2` with broad support weighed in (its support part is read per group,
    /// which the bootstrap does not recompute), draw from the posterior (`SettledProbability`).
    func settledProbability(_ ordered: [ProposalFigures], statistics: [GoalStatistics], bridged: Bool) -> Double {
        let k = configuration.settledK
        guard !bridged, k > 0, k < ordered.count, let bootstrap = settledBootstrap(ordered, statistics: statistics) else {
            return SettledProbability.estimate(
                overall: ordered.map(\.overall), deviation: ordered.map(\.deviation), k: k)
        }
        return bootstrap.contenders.count > k ? bootstrap.estimate() : 1
    }

    /// The bootstrap's evidence: the top k and the outsiders within reach of them, best first, each
    /// with its ballots' ratings (adjusted) and support. Nil without `officina-2`'s calibration, and
    /// with ratings off (then the ranking may be read from the running tallies, which keep no ballot
    /// one by one: both ways draw from the posterior, so they agree).
    func settledBootstrap(_ ordered: [ProposalFigures], statistics: [GoalStatistics]) -> SettledBootstrap? {
        let k = min(configuration.settledK, ordered.count)
        guard let calibration, input.settings.ratingsEnabled else { return nil }
        // The same screen as the draws: an outsider more than 6 sd below every top-k proposal's 6 sd
        // reach never enters a resample's top k in practice, so its ballots are not read.
        let reach = SettledProbability.reach
        let floor = ordered[0..<k].map { $0.overall - reach * $0.deviation }.min() ?? 0
        let contested = Array(ordered[0..<k]) + ordered[k...].filter { $0.overall + reach * $0.deviation >= floor }

        var slot = Array(repeating: -1, count: candidates.count)
        for (j, figure) in contested.enumerated() { slot[candidatePosition(of: figure.id)] = j }
        var contenders = Array(repeating: SettledBootstrap.Contender(), count: contested.count)
        let goalCount = max(tally.goalCount, 1)
        for r in tally.ratingValue.indices {
            let cell = Int(tally.ratingCell[r])
            let j = slot[cell / goalCount]
            let rater = Int(tally.ratingRater[r])
            guard j >= 0, calibration.counted[rater] else { continue }
            contenders[j].ratingBallot.append(tally.ratingRater[r])
            contenders[j].ratingGoal.append(Int32(cell % goalCount))
            contenders[j].ratingValue.append(Double(tally.ratingValue[r]) - calibration.offsets[rater])
        }
        for s in tally.supportUnits.indices {
            let j = slot[Int(tally.supportProposal[s])]
            guard j >= 0 else { continue }
            contenders[j].supportBallot.append(tally.supportBallot[s])
            contenders[j].supportUnits.append(tally.supportUnits[s])
        }
        let formula = SettledBootstrap.Formula(
            goalMeans: statistics.map(\.mean),
            goalPoints: goals.indices.map { 100 * goalShare * normalisedWeight($0) / Self.scaleMaximum },
            priorStrength: configuration.priorStrength, supportPoints: 100 * supportShare, cap: cap, z: z)
        return SettledBootstrap(contenders: contenders, k: k, ballots: ballots.count, formula: formula)
    }
}
