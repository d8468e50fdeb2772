import Foundation

/// The printable report of a workshop (and, in `HTMLReport+Programme`, of a programme): one
/// self-contained HTML document with inline CSS and SVG, no script, A4 when printed.
/// Every piece of user text goes through `HTMLText.escape`.
public enum HTMLReport {
    public static func workshop(_ report: WorkshopReport, language: String) -> String {
        let labels = ReportLabels.of(language)
        let title = HTMLText.escape(report.title.text(for: labels.language))
        return document(title: "\(title) — \(HTMLText.escape(labels.ranking))", labels: labels) {
            "<header><h1>\(title)</h1>" + metaLine(report, labels: labels) + "</header>\n"
                + sections(report, labels: labels, level: 2)
        }
    }

    static func document(title: String, labels: ReportLabels, body: () -> String) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(labels.language)\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(title)</title>\n<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n"
            + body() + "</body>\n</html>\n"
    }

    static func metaLine(_ report: WorkshopReport, labels: ReportLabels) -> String {
        let parts = [
            "\(labels.code) \(report.code)", "\(labels.theme) \(report.theme)",
            "\(labels.phase): \(labels.phaseName(report.phase))",
            "\(labels.generated) \(ISO8601DateFormatter().string(from: report.generatedAt))",
        ] + (report.cluster.map { ["\(labels.cluster): \($0)"] } ?? [])
        var line = "<p class=\"meta\">\(HTMLText.escape(parts.joined(separator: " · ")))</p>"
        let description = report.description.text(for: labels.language)
        if !description.isEmpty { line += "<p>\(HTMLText.escape(description))</p>" }
        return line
    }

    /// The body of one workshop's report; `level` is the heading level of its sections.
    static func sections(_ report: WorkshopReport, labels: ReportLabels, level: Int) -> String {
        let ranking = report.ranking
        var html = ""
        html += section("participation", labels.participation, level: level, participation(report.participation, labels: labels))
        html += section("ranking", labels.ranking, level: level, rankingTable(ranking, labels: labels, report: report))
        if ranking.method.supportWeight < 1, !ranking.entries.isEmpty {
            let charts = ranking.goals.map { goal in
                let weight = DecimalText.percent(ranking.entries.first?.goals[goal.key]?.weight ?? 0)
                let caption = "\(goal.label.text(for: labels.language)) — \(labels.weight) \(weight)"
                return "<figure><figcaption>\(HTMLText.escape(caption))</figcaption>"
                    + SVGGoalChart(goal: goal, ranking: ranking, labels: labels, limit: 12).render() + "</figure>"
            }
            html += section("goals", labels.goalScores, level: level, charts.joined(separator: "\n"))
        }
        html += section("shortlist", labels.shortlist, level: level, shortlist(ranking, labels: labels))
        html += section("stability", labels.stability, level: level, "<p>\(HTMLText.escape(ranking.settled.messages.text(for: labels.language)))</p>")
        if !ranking.excluded.isEmpty {
            html += section("excluded", labels.excluded, level: level, excluded(ranking, labels: labels))
        }
        if let merges = report.merges, !merges.isEmpty {
            html += section("merges", labels.merges, level: level, self.merges(merges, ranking: ranking, labels: labels))
        }
        html += section("phases", labels.phaseLog, level: level, phaseLog(report.phaseLog, labels: labels))
        html += section("method", labels.method, level: level, method(ranking, labels: labels))
        return html
    }

    static func section(_ id: String, _ heading: String, level: Int, _ content: String) -> String {
        "<section class=\"\(id)\"><h\(level)>\(HTMLText.escape(heading))</h\(level)>\n\(content)\n</section>\n"
    }

    static func participation(_ figures: ReportParticipation, labels: ReportLabels) -> String {
        let items = [
            (labels.participants, figures.participants), (labels.ballots, figures.ballots),
            (labels.proposals, figures.proposals), (labels.rankedProposals, figures.ranked),
            (labels.buildOns, figures.buildOns), (labels.ratings, figures.ratings),
        ]
        return "<dl class=\"figures\">" + items.map { "<div><dt>\(HTMLText.escape($0.0))</dt><dd>\($0.1)</dd></div>" }.joined() + "</dl>"
    }
}
