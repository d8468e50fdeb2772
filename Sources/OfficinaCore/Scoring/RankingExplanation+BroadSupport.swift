/// The explanation's sentence on broad support (docs/scoring.md §8 and §19), present only when some
/// participant group voted: the figure, each group's share, the group that alone carries the
/// proposal, and whether the figure counted in the overall.
extension RankingExplanation {
    /// Appends e.g. " Broad support 41% across 2 groups: Resident 67% (3 of 4 backed it), Student 25%
    /// (0 of 2 backed it); carried by one group: Resident." — nothing when `broad` is nil or no group voted.
    static func appendBroadSupport(
        _ broad: BroadSupport?, groups: [BridgingSummary.Group], applied: Bool, italian: Bool, to text: inout String
    ) {
        guard let broad, !groups.isEmpty else { return }
        text += italian ? " Sostegno trasversale " : " Broad support "
        text += DecimalText.percent(broad.score)
        text += italian ? " su " : " across "
        text += String(groups.count)
        text += italian ? (groups.count == 1 ? " gruppo: " : " gruppi: ") : (groups.count == 1 ? " group: " : " groups: ")
        var first = true
        for group in groups {
            guard let figures = broad.groups[group.key] else { continue }
            if !first { text += ", " }
            first = false
            text += group.label.text(for: italian ? "it" : "en")
            text += " "
            text += DecimalText.percent(figures.share)
            text += " ("
            text += String(figures.agree)
            text += italian ? " su " : " of "
            text += String(figures.seen)
            text += italian ? " a favore)" : " backed it)"
        }
        if let key = broad.carriedBy {
            let label = groups.first { $0.key == key }?.label.text(for: italian ? "it" : "en") ?? key
            text += italian ? "; sostenuta da un solo gruppo: " : "; carried by one group: "
            text += label
        }
        if applied {
            text += italian
                ? "; conta nel punteggio al posto del limite inferiore del sostegno"
                : "; weighed into the overall in place of the support's lower bound"
        }
        text += "."
    }
}
