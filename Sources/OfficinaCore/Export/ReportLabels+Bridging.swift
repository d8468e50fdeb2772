/// The exports' words for broad support across participant groups (docs/scoring.md §19).
extension ReportLabels {
    var broadSupport: String { language == "it" ? "Sostegno trasversale" : "Broad support" }
    var carriedBy: String { language == "it" ? "Sostenuta da un solo gruppo" : "Carried by one group" }
    var supportByGroup: String { language == "it" ? "Sostegno per gruppo" : "Support by group" }

    /// "Residente 3/4 (67%); Studente 0/2 (25%)": agree/seen and the smoothed share, per group that voted.
    func groupBreakdown(_ broad: BroadSupport?, groups: [BridgingSummary.Group]) -> String {
        guard let broad else { return "" }
        return groups.compactMap { group -> String? in
            guard let figures = broad.groups[group.key] else { return nil }
            return "\(group.label.text(for: language)) \(figures.agree)/\(figures.seen) (\(DecimalText.percent(figures.share)))"
        }.joined(separator: "; ")
    }

    /// The label of the group that alone carries a proposal, or "".
    func carriedLabel(_ broad: BroadSupport?, groups: [BridgingSummary.Group]) -> String {
        guard let key = broad?.carriedBy else { return "" }
        return groups.first { $0.key == key }?.label.text(for: language) ?? key
    }
}
