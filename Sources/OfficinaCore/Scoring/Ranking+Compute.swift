extension Ranking {
    /// Scores and ranks a workshop by the method of `configuration` (`officina-1` unless it says
    /// `officina-2`, which first adjusts ratings for each rater's generosity; docs/scoring.md).
    ///
    /// Pure and deterministic: the same input (in any order of ballots or candidates) gives the same
    /// ranking. Hidden and merged proposals are left out; a merged one's support and ratings move to
    /// the proposal it was merged into (`BallotMerging`). No input, however odd (no ballots, no ratings,
    /// all weights zero, a single goal), yields NaN.
    ///
    /// ```swift
    /// let input = ScoringInput(workshop: "ACD347", goals: programme.goals, candidates: candidates,
    ///                          ballots: ballots, settings: workshop.settings, participants: 12)
    /// let ranking = Ranking.compute(input.reweighted(["space": 2]))
    /// ```
    public static func compute(
        _ input: ScoringInput, configuration: ScoringConfiguration = .default
    ) -> Ranking {
        let computation = RankingComputation(input: input, configuration: configuration)
        return computation.ranking()
    }
}

extension RankingComputation {
    func ranking() -> Ranking {
        let statistics = goals.indices.map(goalStatistics)
        let (scored, bridging) = bridged(candidates.indices.map { figures($0, statistics: statistics) })
        let ordered = scored.indices.sorted { RankingOrder.precedes(scored[$0], scored[$1]) }.map { scored[$0] }
        let ranges = Self.rankRanges(ordered.map(\.interval))
        let ratingsCount = goalShare > 0
        let language = configuration.language
        let groups = bridging?.groups ?? [], broadApplied = bridging?.applied ?? false

        let entries = ordered.enumerated().map { position, figure in
            let candidate = candidates[candidatePosition(of: figure.id)]
            var entry = RankingEntry(
                rank: position + 1, id: figure.id, title: candidate.title, author: candidate.author,
                overall: figure.overall, interval: figure.interval,
                goals: Dictionary(uniqueKeysWithValues: zip(goals.map(\.key), figure.goals)),
                support: figure.support, parts: figure.parts, rankRange: ranges[position],
                buildOns: candidate.buildOns, ratings: figure.ratings,
                explanation: "", explanations: LocalizedText(it: "", en: "")
            )
            entry.broadSupport = figure.broad
            entry.explanations = LocalizedText(
                it: RankingExplanation.line(
                    for: entry, goals: goals, total: ordered.count, ratingsCount: ratingsCount, language: "it",
                    calibrated: evidence.calibrated, groups: groups, broadApplied: broadApplied),
                en: RankingExplanation.line(
                    for: entry, goals: goals, total: ordered.count, ratingsCount: ratingsCount, language: "en",
                    calibrated: evidence.calibrated, groups: groups, broadApplied: broadApplied)
            )
            entry.explanation = entry.explanations.text(for: language)
            return entry
        }

        // Sorting positions rather than the figures themselves avoids copying their arrays on every swap.
        var perGoal: [String: [Int64]] = [:]
        for (g, goal) in goals.enumerated() {
            perGoal[goal.key] = ordered.indices
                .sorted { RankingOrder.precedes(ordered[$0], ordered[$1], onGoal: g) }
                .map { ordered[$0].id }
        }

        var ranking = Ranking(
            workshop: input.workshop, phase: input.phase,
            weights: Dictionary(uniqueKeysWithValues: goals.map { ($0.key, $0.weight) }),
            goals: goals,
            method: .officina(
                configuration: configuration, z: z, settings: input.settings, cap: cap,
                goalShare: goalShare, supportShare: supportShare
            ),
            counts: RankingCounts(
                participants: max(input.participants, ballotCount), ballots: ballotCount,
                proposals: candidates.count, ratings: scored.reduce(0) { $0 + $1.ratings }
            ),
            entries: entries, perGoal: perGoal,
            goalStatistics: Dictionary(uniqueKeysWithValues: zip(goals.map(\.key), statistics)),
            settled: settledSignal(ordered, statistics: statistics, bridged: broadApplied), shortlist: shortlist(ordered),
            excluded: excluded, language: language
        )
        ranking.bridging = bridging
        return ranking
    }

    /// Candidates are sorted by id, so a binary search finds one.
    func candidatePosition(of id: Int64) -> Int {
        var low = 0
        var high = candidates.count - 1
        while low < high {
            let middle = (low + high) / 2
            if candidates[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func shortlist(_ ordered: [ProposalFigures]) -> Shortlist {
        let required = goals.indices.filter { goals[$0].weight > 0 }
        // Goals served so far are a bitmask; a programme never has 62 goals, but should one, the rest
        // are reported uncovered rather than silently dropped from the mask.
        let coverable = Array(required.filter { g in ordered.contains { $0.goals[g].serves } }.prefix(62))
        let selection = ShortlistSelection(
            overall: ordered.map(\.overall),
            serves: ordered.map { figure in coverable.map { figure.goals[$0].serves } },
            k: configuration.shortlistK
        ).select()
        let chosen = selection.positions.map { ordered[$0] }
        var covers: [String: [Int64]] = [:]
        for g in required {
            covers[goals[g].key] = chosen.filter { $0.goals[g].serves }.map(\.id)
        }
        return Shortlist(
            k: configuration.shortlistK, ids: chosen.map(\.id), covers: covers,
            uncovered: required.filter { !coverable.contains($0) }.map { goals[$0].key },
            exact: selection.exact
        )
    }
}
