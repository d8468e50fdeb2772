/// An inline SVG bar chart of one goal: the best proposals on that goal, each bar its score on 0–4 with
/// a whisker for its interval, and a dashed line at the workshop's mean for the goal.
struct SVGGoalChart {
    static let width = 640.0
    static let labelWidth = 230.0
    static let plotWidth = 330.0
    static let rowHeight = 20.0

    let goal: Goal
    let ranking: Ranking
    let labels: ReportLabels
    /// How many proposals to draw at most.
    let limit: Int

    func render() -> String {
        let ids = (ranking.perGoal[goal.key] ?? []).prefix(limit)
        let entries = ids.compactMap { ranking.entry(id: $0) }
        let height = Double(entries.count) * Self.rowHeight + 30
        let title = HTMLText.escape("\(goal.label.text(for: labels.language)) (\(goal.key))")
        let x0 = Self.labelWidth
        // Coordinates always use a decimal point, whatever the language of the labels.
        func coordinate(_ value: Double) -> String { DecimalText.format(value, digits: 1) }
        func x(_ score: Double) -> String { coordinate(x0 + Self.plotWidth * min(max(score, 0), 4) / 4) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" "
            + "viewBox=\"0 0 \(coordinate(Self.width)) \(coordinate(height))\" aria-label=\"\(title)\">"
        svg += "<title>\(title)</title>"
        for tick in 0...4 {
            let tx = x(Double(tick))
            svg += "<line class=\"grid\" x1=\"\(tx)\" y1=\"0\" x2=\"\(tx)\" y2=\"\(coordinate(height - 16))\"/>"
            svg += "<text class=\"tick\" x=\"\(tx)\" y=\"\(coordinate(height - 3))\" text-anchor=\"middle\">\(tick)</text>"
        }
        for (row, entry) in entries.enumerated() {
            guard let score = entry.goals[goal.key] else { continue }
            let y = Double(row) * Self.rowHeight
            let middle = coordinate(y + Self.rowHeight / 2)
            let name = HTMLText.escape(HTMLText.truncated("\(entry.rank). \(entry.title)", to: 34))
            svg += "<text class=\"label\" x=\"\(coordinate(x0 - 6))\" y=\"\(coordinate(y + 14))\" text-anchor=\"end\">\(name)</text>"
            let barWidth = Self.plotWidth * min(max(score.score, 0), 4) / 4
            svg += "<rect class=\"bar\" x=\"\(coordinate(x0))\" y=\"\(coordinate(y + 4))\" width=\"\(coordinate(barWidth))\" height=\"12\"/>"
            svg += "<line class=\"whisker\" x1=\"\(x(score.low))\" y1=\"\(middle)\" x2=\"\(x(score.high))\" y2=\"\(middle)\"/>"
            let value = HTMLText.escape("\(labels.number(score.score, 1)) ±\(labels.number((score.high - score.low) / 2, 1)) (\(score.ratings))")
            svg += "<text class=\"value\" x=\"\(coordinate(x0 + Self.plotWidth + 6))\" y=\"\(coordinate(y + 14))\">\(value)</text>"
        }
        if let mean = ranking.goalStatistics[goal.key]?.mean, !entries.isEmpty {
            svg += "<line class=\"mean\" x1=\"\(x(mean))\" y1=\"0\" x2=\"\(x(mean))\" y2=\"\(coordinate(height - 16))\">"
                + "<title>\(HTMLText.escape(labels.workshopMean)) \(labels.number(mean, 2))</title></line>"
        }
        return svg + "</svg>"
    }
}
