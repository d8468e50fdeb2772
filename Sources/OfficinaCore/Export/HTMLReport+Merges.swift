import Foundation

extension HTMLReport {
    /// The merge audit of the facilitator's report: from, into, by, when, undone.
    static func merges(_ entries: [MergeAuditEntry], ranking: Ranking, labels: ReportLabels) -> String {
        let formatter = ISO8601DateFormatter()
        func name(_ id: Int64) -> String {
            let title = ranking.entry(id: id)?.title ?? ranking.excluded.first { $0.id == id }?.title ?? ""
            return title.isEmpty ? "#\(id)" : "#\(id) \(title)"
        }
        let rows = entries.map { entry in
            "<tr><td>\(HTMLText.escape(name(entry.from)))</td><td>\(HTMLText.escape(name(entry.into)))</td>"
                + "<td>\(HTMLText.escape(entry.by))</td><td>\(formatter.string(from: entry.at))</td>"
                + "<td>\(entry.undoneAt.map { formatter.string(from: $0) } ?? "")</td></tr>"
        }
        return "<table><thead><tr><th>\(HTMLText.escape(labels.mergedFrom))</th><th>\(HTMLText.escape(labels.mergedInto))</th>"
            + "<th>\(HTMLText.escape(labels.by))</th><th>\(HTMLText.escape(labels.at))</th><th>\(HTMLText.escape(labels.undone))</th></tr></thead>"
            + "<tbody>" + rows.joined() + "</tbody></table>"
    }
}
