import Foundation

extension CSVExport {
    /// Every workshop of a programme in one table (the workshop's code and title first; each row ends,
    /// as in a workshop's own CSV, with the description, the build-ons and the affinity cluster), then
    /// for each workshop a blank record and its method records.
    public static func programme(_ report: ProgrammeReport, dialect: CSVDialect, language: String) -> Data {
        var writer = CSVWriter(dialect: dialect)
        let labels = ReportLabels.of(language)
        writer.record(texts: [labels.code.lowercased(), labels.workshop.lowercased()]
            + header(goals: report.goals, labels: labels)
            + [labels.description, labels.buildOnTexts, labels.cluster].map { $0.lowercased() })
        for workshop in report.workshops {
            var ranking = workshop.ranking
            // Columns follow the programme's goals, whatever order a workshop listed them in.
            let byKey = Dictionary(ranking.goals.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            ranking.goals = report.goals.map { byKey[$0.key] ?? $0 }
            // The table is shared, so every workshop keeps the goal columns; a pairwise one leaves them empty.
            rows(ranking, goalColumns: ranking.goals, dialect: dialect, into: &writer,
                 prefix: [.text(workshop.code), .text(workshop.title.text(for: labels.language))], details: workshop)
        }
        for workshop in report.workshops {
            writer.record([.empty])
            methodRecords(workshop, labels: labels, into: &writer)
        }
        return writer.data
    }

    /// The programme roll-up as a table: per goal, its coverage and strongest proposals.
    public static func rollup(_ report: ProgrammeReport, dialect: CSVDialect, language: String) -> Data {
        var writer = CSVWriter(dialect: dialect)
        let labels = ReportLabels.of(language)
        func number(_ value: Double, _ digits: Int) -> CSVWriter.Cell {
            .number(DecimalText.format(value, digits: digits, comma: dialect.decimalComma))
        }
        writer.record(texts: [labels.goal, labels.coverage, labels.coveredIn, "#", labels.code, "id", labels.proposal,
                              labels.score, labels.low, labels.high, labels.ratings, labels.overall, labels.rank]
            .map { $0.lowercased() })
        for goal in report.rollup.goals {
            let head: [CSVWriter.Cell] = [.text(goal.key), number(goal.coverage, 3), .text(goal.coveredIn.joined(separator: " "))]
            if goal.strongest.isEmpty {
                writer.record(head + Array(repeating: .empty, count: 10))
            }
            for (position, proposal) in goal.strongest.enumerated() {
                writer.record(head + [
                    .number("\(position + 1)"), .text(proposal.workshop), .number("\(proposal.id)"), .text(proposal.title),
                    number(proposal.score, 2), number(proposal.low, 2), number(proposal.high, 2),
                    .number("\(proposal.ratings)"), number(proposal.overall, 2), .number("\(proposal.rank)"),
                ])
            }
        }
        writer.record([.empty])
        writer.record(texts: [labels.rollup, labels.rollupNote])
        return writer.data
    }
}
