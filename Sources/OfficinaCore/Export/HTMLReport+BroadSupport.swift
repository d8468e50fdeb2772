/// The report's broad-support cell (docs/scoring.md §19): the figure, each group's agree/seen and
/// share, and the group that alone carries the proposal, flagged.
extension HTMLReport {
    static func broadSupportCell(_ broad: BroadSupport?, groups: [BridgingSummary.Group], labels: ReportLabels) -> String {
        guard let broad else { return "<td></td>" }
        var cell = "<td class=\"n\">\(DecimalText.percent(broad.score))"
        let breakdown = labels.groupBreakdown(broad, groups: groups)
        if !breakdown.isEmpty { cell += "<br><span class=\"note\">\(HTMLText.escape(breakdown))</span>" }
        let carried = labels.carriedLabel(broad, groups: groups)
        if !carried.isEmpty {
            cell += "<br><strong class=\"carried\">\(HTMLText.escape(labels.carriedBy)): \(HTMLText.escape(carried))</strong>"
        }
        return cell + "</td>"
    }
}
