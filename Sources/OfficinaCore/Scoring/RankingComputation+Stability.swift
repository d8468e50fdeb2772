extension RankingComputation {
    /// Each proposal's rank range from the overall intervals (see `RankRange`), aligned with `intervals`.
    /// Sorting the ends once makes it O(P log P) rather than comparing every pair.
    static func rankRanges(_ intervals: [ScoreInterval]) -> [RankRange] {
        let lows = intervals.map(\.low).sorted()
        let highs = intervals.map(\.high).sorted()
        let count = intervals.count
        return intervals.map { interval in
            // Intervals wholly above: low > this high. Intervals reaching this low: high ≥ this low.
            let above = count - firstIndex(in: lows) { $0 > interval.high }
            let reaching = count - firstIndex(in: highs) { $0 >= interval.low }
            return RankRange(best: above + 1, worst: max(reaching, above + 1))
        }
    }

    /// The first index of a sorted array where `isPast` turns true (the array's count if never).
    private static func firstIndex(in sorted: [Double], where isPast: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(sorted[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// Whether the top k (in `ordered` figures, best first) can still change within the uncertainty;
    /// `bridged` when broad support replaced the support part of the overalls.
    func settledSignal(_ ordered: [ProposalFigures], statistics: [GoalStatistics], bridged: Bool) -> SettledSignal {
        let k = configuration.settledK
        let count = ordered.count
        let calibrated = configuration.method == .officina2
        let probability = settledProbability(ordered, statistics: statistics, bridged: bridged)
        let messages: LocalizedText
        var settled = false
        var contenders = 0
        if count == 0 {
            messages = LocalizedText(it: "Nessuna proposta da classificare.", en: "No proposals to rank.")
        } else if count <= k {
            settled = true
            messages = LocalizedText(
                it: "Tutte le \(count) proposte rientrano tra le prime \(k).",
                en: "All \(count) proposals are within the top \(k)."
            )
        } else {
            let floor = ordered[0..<k].map(\.interval.low).min() ?? 0
            contenders = ordered[k...].filter { $0.interval.high >= floor }.count
            settled = calibrated ? probability >= SettledProbability.threshold : contenders == 0
            let percent = DecimalText.percent(probability)
            messages = calibrated
                ? (settled
                    ? LocalizedText(
                        it: "Le prime \(k) sono stabili: \(percent) di probabilità che siano davvero le prime \(k).",
                        en: "The top \(k) are settled: \(percent) probability that they are the right \(k).")
                    : LocalizedText(
                        it: "Le prime \(k) non sono ancora stabili: \(percent) di probabilità che siano davvero le prime \(k) (stabili da \(DecimalText.percent(SettledProbability.threshold))).",
                        en: "The top \(k) are not settled yet: \(percent) probability that they are the right \(k) (settled from \(DecimalText.percent(SettledProbability.threshold)))."))
                : settled
                ? LocalizedText(
                    it: "Le prime \(k) sono stabili: nessun'altra proposta può entrarvi entro l'incertezza.",
                    en: "The top \(k) are settled: within the uncertainty no other proposal can enter them."
                )
                : contenders == 1
                ? LocalizedText(
                    it: "Le prime \(k) non sono ancora stabili: 1 altra proposta potrebbe entrarvi.",
                    en: "The top \(k) are not settled yet: 1 other proposal could still enter them."
                )
                : LocalizedText(
                    it: "Le prime \(k) non sono ancora stabili: \(contenders) altre proposte potrebbero entrarvi.",
                    en: "The top \(k) are not settled yet: \(contenders) other proposals could still enter them."
                )
        }
        return SettledSignal(
            k: k, settled: settled, contenders: contenders,
            message: messages.text(for: configuration.language), messages: messages,
            probability: probability, threshold: calibrated ? SettledProbability.threshold : nil
        )
    }
}
