import Foundation

/// One pairwise ranking being computed: the candidates, the resolved comparisons and the fit.
struct PairwiseComputation {
    let input: ScoringInput
    let configuration: ScoringConfiguration
    let z: Double
    let goals: [Goal]
    let candidates: [RankingCandidate]
    let excluded: [ExcludedProposal]
    let tally: PairwiseTally
    let fit: BradleyTerryFit
    let priorVariance: Double

    init(input: ScoringInput, comparisons: [Comparison], configuration: ScoringConfiguration, priorVariance: Double) {
        self.input = input
        self.configuration = configuration.sanitised
        self.priorVariance = priorVariance
        z = StandardNormal.criticalValue(level: self.configuration.intervalLevel)
        let prepared = ScoringPreparation(input)
        goals = prepared.goals
        candidates = prepared.candidates
        excluded = prepared.excluded
        let targets = prepared.targets
        var index: [Int64: Int] = [:]
        for (position, candidate) in candidates.enumerated() { index[candidate.id] = position }
        tally = PairwiseTally(comparisons, index: index, targets: targets, authors: input.authorOf)
        fit = BradleyTerryFit(count: candidates.count, choices: tally.choices, priorVariance: priorVariance)
    }

    func ranking() -> Ranking {
        let count = candidates.count
        // Strength first; on an exact tie more wins, then more comparisons, then the earlier proposal.
        let order = (0..<count).sorted { a, b in
            if fit.strengths[a] != fit.strengths[b] { return fit.strengths[a] > fit.strengths[b] }
            if tally.wins[a] != tally.wins[b] { return tally.wins[a] > tally.wins[b] }
            if tally.compared[a] != tally.compared[b] { return tally.compared[a] > tally.compared[b] }
            return candidates[a].id < candidates[b].id
        }
        let intervals = order.map { i in
            ScoreInterval(
                low: 100 * BradleyTerryFit.sigmoid(fit.strengths[i] - z * fit.deviations[i]),
                high: 100 * BradleyTerryFit.sigmoid(fit.strengths[i] + z * fit.deviations[i]))
        }
        let ranges = RankingComputation.rankRanges(intervals)
        let weightTotal = goals.reduce(0) { $0 + $1.weight }
        let language = configuration.language

        let entries = order.enumerated().map { position, i in
            let candidate = candidates[i]
            let overall = 100 * BradleyTerryFit.sigmoid(fit.strengths[i])
            let share = tally.compared[i] > 0 ? Double(tally.wins[i]) / Double(tally.compared[i]) : 0
            let wilson = WilsonInterval(share: share, trials: tally.compared[i], z: z)
            var goalScores: [String: GoalScore] = [:]
            for goal in goals {
                goalScores[goal.key] = GoalScore(
                    score: 0, low: 0, high: 0, ratings: 0, mean: nil,
                    weight: weightTotal > 0 ? goal.weight / weightTotal : 0, points: 0,
                    serves: candidate.goals.contains(goal.key))
            }
            var entry = RankingEntry(
                rank: position + 1, id: candidate.id, title: candidate.title, author: candidate.author,
                overall: overall, interval: intervals[position], goals: goalScores,
                support: SupportScore(
                    share: share, lower: wilson.lower, upper: wilson.upper, dots: tally.wins[i],
                    supporters: tally.choosers[i]),
                parts: ScoreParts(goals: 0, support: overall), rankRange: ranges[position],
                buildOns: candidate.buildOns, ratings: 0, explanation: "", explanations: LocalizedText(it: "", en: ""))
            entry.explanations = LocalizedText(
                it: PairwiseExplanation.line(for: entry, compared: tally.compared[i], total: count, italian: true),
                en: PairwiseExplanation.line(for: entry, compared: tally.compared[i], total: count, italian: false))
            entry.explanation = entry.explanations.text(for: language)
            return entry
        }
        let ids = entries.map(\.id)
        return Ranking(
            workshop: input.workshop, phase: input.phase,
            weights: Dictionary(uniqueKeysWithValues: goals.map { ($0.key, $0.weight) }),
            goals: goals, method: method(),
            counts: RankingCounts(
                participants: max(input.participants, tally.participants), ballots: tally.participants,
                proposals: count, ratings: 0),
            entries: entries,
            // A pair is judged against all goals at once, so every goal's list is the overall order.
            perGoal: Dictionary(uniqueKeysWithValues: goals.map { ($0.key, ids) }),
            goalStatistics: Dictionary(uniqueKeysWithValues: goals.map {
                ($0.key, GoalStatistics(mean: 2, spread: 0, ratings: 0, weight: $0.weight))
            }),
            settled: settled(order: order), shortlist: shortlist(entries), excluded: excluded, language: language)
    }

    private func settled(order: [Int]) -> SettledSignal {
        let k = configuration.settledK
        let probability = SettledProbability.estimate(
            overall: order.map { fit.strengths[$0] }, deviation: order.map { fit.deviations[$0] }, k: k)
        let threshold = SettledProbability.threshold
        let settled = order.count > 0 && probability >= threshold
        let floor = order.prefix(k).map { fit.strengths[$0] - z * fit.deviations[$0] }.min() ?? 0
        let contenders = order.count > k
            ? order[k...].filter { fit.strengths[$0] + z * fit.deviations[$0] >= floor }.count : 0
        let percent = DecimalText.percent(probability)
        let messages: LocalizedText
        if order.isEmpty {
            messages = LocalizedText(it: "Nessuna proposta da classificare.", en: "No proposals to rank.")
        } else if order.count <= k {
            messages = LocalizedText(
                it: "Tutte le \(order.count) proposte rientrano tra le prime \(k).",
                en: "All \(order.count) proposals are within the top \(k).")
        } else if settled {
            messages = LocalizedText(
                it: "Le prime \(k) sono stabili: \(percent) di probabilità che siano davvero le prime \(k).",
                en: "The top \(k) are settled: \(percent) probability that they are the right \(k).")
        } else {
            messages = LocalizedText(
                it: "Le prime \(k) non sono ancora stabili: \(percent) di probabilità che siano davvero le prime \(k) (stabili da \(DecimalText.percent(threshold))).",
                en: "The top \(k) are not settled yet: \(percent) probability that they are the right \(k) (settled from \(DecimalText.percent(threshold))).")
        }
        return SettledSignal(
            k: k, settled: settled, contenders: contenders, message: messages.text(for: configuration.language),
            messages: messages, probability: probability, threshold: threshold)
    }

    private func shortlist(_ entries: [RankingEntry]) -> Shortlist {
        let required = goals.indices.filter { goals[$0].weight > 0 }
        let serves = entries.map { entry in required.map { entry.goals[goals[$0].key]?.serves ?? false } }
        let coverable = Array(required.indices.filter { g in serves.contains { $0[g] } }.prefix(62))
        let selection = ShortlistSelection(
            overall: entries.map(\.overall), serves: serves.map { row in coverable.map { row[$0] } },
            k: configuration.shortlistK
        ).select()
        let chosen = selection.positions.map { entries[$0] }
        var covers: [String: [Int64]] = [:]
        for g in required {
            covers[goals[g].key] = chosen.filter { $0.goals[goals[g].key]?.serves ?? false }.map(\.id)
        }
        return Shortlist(
            k: configuration.shortlistK, ids: chosen.map(\.id), covers: covers,
            uncovered: required.indices.filter { !coverable.contains($0) }.map { goals[required[$0]].key },
            exact: selection.exact)
    }

    private func method() -> RankingMethod {
        let v = DecimalText.format(priorVariance, digits: 2)
        let level = DecimalText.percent(configuration.intervalLevel)
        let zText = DecimalText.format(z, digits: 3)
        let english = "Pairwise comparisons, Bradley–Terry model: proposal i is chosen over j with probability "
            + "σ(θi − θj), σ(x) = 1/(1 + e^−x), with a Normal(0, \(v)) prior on each log-strength θ. θ is the "
            + "posterior mode (Newton's method); its deviation sd the Laplace approximation. Overall = 100·σ(θ), "
            + "the chance of being chosen over a typical proposal; \(level) interval 100·σ(θ ± z·sd), z = \(zText). "
            + "Skipped pairs are not counted; a choice involving a merged proposal counts for the proposal it "
            + "was merged into. Support = share of its comparisons a proposal won."
        let italian = "Confronti a coppie, modello di Bradley–Terry: la proposta i è scelta invece di j con "
            + "probabilità σ(θi − θj), σ(x) = 1/(1 + e^−x), con prior Normale(0, \(v)) su ogni log-forza θ. θ è "
            + "la moda a posteriori (metodo di Newton), la sua deviazione sd l'approssimazione di Laplace. "
            + "Complessivo = 100·σ(θ), la probabilità di essere scelta invece di una proposta tipica; intervallo "
            + "al \(level) 100·σ(θ ± z·sd), z = \(zText). Le coppie saltate non contano; una scelta che riguarda "
            + "una proposta unita conta per quella in cui è stata unita. Sostegno = quota dei confronti vinti."
        let ties = LocalizedText(
            it: "forza θ; a parità, più confronti vinti, poi più confronti, poi la proposta inserita prima (id minore)",
            en: "strength θ; on a tie, more comparisons won, then more comparisons, then the earlier proposal (lower id)")
        return RankingMethod(
            name: PairwiseRanking.methodName, supportWeight: 1, priorStrength: 1 / priorVariance,
            interval: configuration.intervalLevel, z: z, votingMethod: .pairwise, dotBudget: 0, cap: 1,
            ratingsEnabled: false, tieBreak: ties.en, description: english, tieBreaks: ties,
            descriptions: LocalizedText(it: italian, en: english))
    }
}
