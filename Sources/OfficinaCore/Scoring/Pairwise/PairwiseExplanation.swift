/// The one-line breakdown of a pairwise entry, in Italian or English: rank, overall with its
/// possible ranks, and the comparisons behind it. Every number comes from the entry.
enum PairwiseExplanation {
    /// E.g. "2nd of 8, 71.3/100 (could be 1st–4th): chosen in 9 of 12 comparisons (75%)."
    static func line(for entry: RankingEntry, compared: Int, total: Int, italian: Bool) -> String {
        var text = RankingExplanation.ordinal(entry.rank, italian: italian)
        text += italian ? " su \(total), " : " of \(total), "
        DecimalText.append(entry.overall, digits: 1, comma: italian, to: &text)
        text += "/100"
        let range = entry.rankRange
        if range.best == range.worst {
            text += italian ? " (posizione certa)" : " (rank certain)"
        } else {
            text += italian ? " (potrebbe essere tra " : " (could be "
            text += RankingExplanation.ordinal(range.best, italian: italian)
            text += italian ? " e " : "–"
            text += RankingExplanation.ordinal(range.worst, italian: italian)
            text += ")"
        }
        if compared == 0 {
            text += italian ? ": non ancora confrontata." : ": not compared yet."
            return text
        }
        let percent = DecimalText.percent(entry.support.share)
        text += italian
            ? ": scelta in \(entry.support.dots) confronti su \(compared) (\(percent))."
            : ": chosen in \(entry.support.dots) of \(compared) comparisons (\(percent))."
        return text
    }
}
