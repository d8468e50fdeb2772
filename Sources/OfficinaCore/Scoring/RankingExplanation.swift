/// The one-line, human-readable breakdown of an entry, in Italian and English (docs/scoring.md,
/// "Explanation"). Every number in it comes from the entry, so the line and the table always agree.
enum RankingExplanation {
    static func line(
        for entry: RankingEntry, goals: [Goal], total: Int, ratingsCount: Bool, language: String
    ) -> String {
        let italian = language == "it"
        func number(_ value: Double, _ digits: Int) -> String {
            DecimalText.format(value, digits: digits, comma: italian)
        }
        let rank = ordinal(entry.rank, italian: italian)
        var text = italian ? "\(rank) su \(total), \(number(entry.overall, 1))/100" : "\(rank) of \(total), \(number(entry.overall, 1))/100"
        let range = entry.rankRange
        if range.best == range.worst {
            text += italian ? " (posizione certa)" : " (rank certain)"
        } else {
            let best = ordinal(range.best, italian: italian)
            let worst = ordinal(range.worst, italian: italian)
            text += italian ? " (potrebbe essere tra \(best) e \(worst))" : " (could be \(best)–\(worst))"
        }
        let supportWord = italian ? "sostegno" : "support"
        if ratingsCount {
            text += " = " + (italian ? "obiettivi" : "goals") + " \(number(entry.parts.goals, 1)) + "
                + "\(supportWord) \(number(entry.parts.support, 1)). "
            let parts = goals.compactMap { goal -> String? in
                guard let score = entry.goals[goal.key] else { return nil }
                let plusMinus = number((score.high - score.low) / 2, 1)
                let from = italian
                    ? "da \(score.ratings) \(score.ratings == 1 ? "valutazione" : "valutazioni")"
                    : "from \(score.ratings) \(score.ratings == 1 ? "rating" : "ratings")"
                let weight = (italian ? "peso " : "weight ") + DecimalText.percent(score.weight)
                return "\(goal.key) \(number(score.score, 1))±\(plusMinus) \(from) (\(weight))"
            }
            text += parts.joined(separator: ", ") + "; "
        } else {
            text += " = \(supportWord) \(number(entry.parts.support, 1)). "
        }
        let support = entry.support
        let people = italian
            ? "\(support.supporters) \(support.supporters == 1 ? "sostenitore" : "sostenitori")"
            : "\(support.supporters) \(support.supporters == 1 ? "supporter" : "supporters")"
        let bound = (italian ? "limite inferiore " : "lower bound ") + DecimalText.percent(support.lower)
        text += "\(supportWord) \(DecimalText.percent(support.share)) " + (italian ? "da " : "from ")
            + "\(people) (\(bound))."
        return text
    }

    /// `1º` in Italian; `1st`, `2nd`, `3rd`, `11th`, `21st` in English.
    static func ordinal(_ number: Int, italian: Bool) -> String {
        if italian { return "\(number)º" }
        let lastTwo = number % 100
        let suffix: String
        if (11...13).contains(lastTwo) {
            suffix = "th"
        } else {
            switch number % 10 {
            case 1: suffix = "st"
            case 2: suffix = "nd"
            case 3: suffix = "rd"
            default: suffix = "th"
            }
        }
        return "\(number)\(suffix)"
    }
}
