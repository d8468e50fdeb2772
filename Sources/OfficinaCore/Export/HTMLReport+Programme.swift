import Foundation

extension HTMLReport {
    /// A programme's report: the per-goal roll-up first, then each workshop's report on its own pages.
    public static func programme(_ report: ProgrammeReport, language: String) -> String {
        let labels = ReportLabels.of(language)
        let title = HTMLText.escape(report.title.text(for: labels.language))
        return document(title: "\(title) — \(HTMLText.escape(labels.programme))", labels: labels) {
            var html = "<header><h1>\(title)</h1><p class=\"meta\">\(HTMLText.escape(labels.generated)) "
                + "\(ISO8601DateFormatter().string(from: report.generatedAt))</p>"
            let description = report.description.text(for: labels.language)
            if !description.isEmpty { html += "<p>\(HTMLText.escape(description))</p>" }
            html += "</header>\n" + section("rollup", labels.rollup, level: 2, rollup(report, labels: labels))
            for workshop in report.workshops {
                html += "<article class=\"workshop\"><h2>\(HTMLText.escape(workshop.title.text(for: labels.language)))</h2>"
                    + metaLine(workshop, labels: labels) + sections(workshop, labels: labels, level: 3) + "</article>\n"
            }
            return html
        }
    }

    static func rollup(_ report: ProgrammeReport, labels: ReportLabels) -> String {
        let titles = Dictionary(report.workshops.map { ($0.code, $0.title.text(for: labels.language)) },
                                uniquingKeysWith: { first, _ in first })
        var html = "<p class=\"note\">\(HTMLText.escape(labels.rollupNote))</p>"
        for goal in report.rollup.goals {
            let covered = goal.coveredIn.map { titles[$0] ?? $0 }.joined(separator: ", ")
            html += "<h3>\(HTMLText.escape(goal.label.text(for: labels.language)))</h3><p>"
                + "\(HTMLText.escape(labels.coverage)): \(DecimalText.percent(goal.coverage)) "
                + "(\(goal.coveredIn.count)/\(report.rollup.workshops.count))"
                + (covered.isEmpty ? "" : " — \(HTMLText.escape(labels.coveredIn)) \(HTMLText.escape(covered))") + "</p>"
            guard !goal.strongest.isEmpty else {
                html += "<p>\(HTMLText.escape(labels.notServed))</p>"
                continue
            }
            html += "<table><thead><tr><th class=\"n\">#</th><th>\(HTMLText.escape(labels.proposal))</th>"
                + "<th>\(HTMLText.escape(labels.workshop))</th><th class=\"n\">\(HTMLText.escape(labels.score))</th>"
                + "<th class=\"n\">\(HTMLText.escape(labels.overall))</th><th class=\"n\">\(HTMLText.escape(labels.rank))</th></tr></thead><tbody>"
            for (position, proposal) in goal.strongest.enumerated() {
                html += "<tr><td class=\"n\">\(position + 1)</td><td>\(HTMLText.escape(proposal.title))</td>"
                    + "<td>\(HTMLText.escape(titles[proposal.workshop] ?? proposal.workshop))</td>"
                    + "<td class=\"n\">\(labels.number(proposal.score, 1))±\(labels.number((proposal.high - proposal.low) / 2, 1)) "
                    + "<span class=\"note\">n=\(proposal.ratings)</span></td>"
                    + "<td class=\"n\">\(labels.number(proposal.overall, 1))</td><td class=\"n\">\(RankingExplanation.ordinal(proposal.rank, italian: labels.isItalian))</td></tr>"
            }
            html += "</tbody></table>"
        }
        return html
    }
}
