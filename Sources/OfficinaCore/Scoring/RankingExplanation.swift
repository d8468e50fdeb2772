/// The one-line, human-readable breakdown of an entry, in Italian and English (docs/scoring.md,
/// "Explanation"). Every number in it comes from the entry, so the line and the table always agree.
enum RankingExplanation {
    /// The line, e.g. "2nd of 8, 61.0/100 (could be 1st–4th) = goals 38.2 + support 22.8. space 3.1±0.4
    /// from 6 ratings (weight 50%), …; support 40% from 5 supporters (lower bound 21%)."
    /// Built in one buffer: the ranking writes two of these per proposal.
    static func line(
        for entry: RankingEntry, goals: [Goal], total: Int, ratingsCount: Bool, language: String,
        calibrated: Bool = false, groups: [BridgingSummary.Group] = [], broadApplied: Bool = false
    ) -> String {
        let italian = language == "it"
        var text = ""
        text.reserveCapacity(160 + 90 * goals.count)
        func number(_ value: Double, _ digits: Int) {
            DecimalText.append(value, digits: digits, comma: italian, to: &text)
        }
        func percent(_ share: Double) {
            DecimalText.append(share * 100, digits: 0, to: &text)
            text += "%"
        }
        text += ordinal(entry.rank, italian: italian)
        text += italian ? " su " : " of "
        text += String(total)
        text += ", "
        number(entry.overall, 1)
        text += "/100"
        let range = entry.rankRange
        if range.best == range.worst {
            text += italian ? " (posizione certa)" : " (rank certain)"
        } else {
            text += italian ? " (potrebbe essere tra " : " (could be "
            text += ordinal(range.best, italian: italian)
            text += italian ? " e " : "–"
            text += ordinal(range.worst, italian: italian)
            text += ")"
        }
        let supportWord = italian ? "sostegno" : "support"
        text += " = "
        if ratingsCount {
            text += italian ? "obiettivi " : "goals "
            number(entry.parts.goals, 1)
            text += " + "
        }
        text += supportWord
        text += " "
        number(entry.parts.support, 1)
        text += ". "
        if ratingsCount {
            var first = true
            for goal in goals {
                guard let score = entry.goals[goal.key] else { continue }
                if !first { text += ", " }
                first = false
                // The goal's label in the line's language: readers of a report never see keys.
                text += goal.label.text(for: italian ? "it" : "en")
                text += " "
                number(score.score, 1)
                text += "±"
                number((score.high - score.low) / 2, 1)
                text += italian ? " da " : " from "
                text += String(score.ratings)
                text += italian
                    ? (score.ratings == 1 ? " valutazione (peso " : " valutazioni (peso ")
                    : (score.ratings == 1 ? " rating (weight " : " ratings (weight ")
                percent(score.weight)
                text += ")"
            }
            text += calibrated
                ? (italian ? ", corrette per la generosità di ciascun votante; " : ", adjusted for how generous each rater was; ")
                : "; "
        }
        let support = entry.support
        text += supportWord
        text += " "
        percent(support.share)
        text += italian ? " da " : " from "
        text += String(support.supporters)
        text += italian
            ? (support.supporters == 1 ? " sostenitore (limite inferiore " : " sostenitori (limite inferiore ")
            : (support.supporters == 1 ? " supporter (lower bound " : " supporters (lower bound ")
        percent(support.lower)
        text += ")."
        appendBroadSupport(entry.broadSupport, groups: groups, applied: broadApplied, italian: italian, to: &text)
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
