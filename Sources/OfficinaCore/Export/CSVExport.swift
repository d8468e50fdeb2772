import Foundation

/// A workshop's ranking as one CSV table, then a blank record and the method as label–value records.
///
/// Columns: rank, id, title, author, overall and its interval, per goal its score, interval and ratings,
/// support share and lower bound, supporters, support units, ratings, build-ons, status, merged into,
/// best and worst rank, broad support, the group carrying it alone, support by group. Hidden and merged proposals follow the ranked ones with an empty rank.
/// A ranking without goal scores (pairwise voting, ratings off) has no per-goal columns, and pairwise
/// support columns are named for the comparisons they hold (`ReportLabels.supportColumns`).
public enum CSVExport {
    public static func workshop(_ report: WorkshopReport, dialect: CSVDialect, language: String) -> Data {
        var writer = CSVWriter(dialect: dialect)
        let labels = ReportLabels.of(language)
        let ranking = report.ranking
        let goalColumns = ranking.hasGoalScores ? ranking.goals : []
        writer.record(texts: header(goals: goalColumns, labels: labels, votingMethod: ranking.method.votingMethod)
            + [labels.description, labels.buildOnTexts, labels.cluster].map { $0.lowercased() })
        rows(ranking, goalColumns: goalColumns, dialect: dialect, into: &writer, prefix: [], details: report)
        writer.record([.empty])
        methodRecords(report, labels: labels, into: &writer)
        return writer.data
    }

    static func header(goals: [Goal], labels: ReportLabels, votingMethod: VotingMethod? = nil) -> [String] {
        var names = [labels.rank, "id", labels.proposal, labels.author, labels.overall, labels.low100, labels.high100]
        for goal in goals {
            let name = goal.label.text(for: labels.language)
            names += ["\(name): \(labels.score)", "\(name): \(labels.low)", "\(name): \(labels.high)",
                      "\(name): \(labels.ratings.lowercased())"]
        }
        names += (votingMethod.map(labels.supportColumns) ?? [labels.support, labels.supportLower, labels.supporters, labels.supportUnits])
        names += [labels.ratings,
                  labels.buildOns, labels.status, labels.mergedInto, labels.rankBest, labels.rankWorst,
                  labels.broadSupport, labels.carriedBy, labels.supportByGroup]
        return names.map { $0.lowercased() }
    }

    /// `goalColumns`: the goals the header has columns for; their cells stay empty when the ranking has no
    /// goal scores. `details`: when given, each row ends with the proposal's description and its build-ons
    /// (one per line).
    static func rows(_ ranking: Ranking, goalColumns: [Goal], dialect: CSVDialect, into writer: inout CSVWriter,
                     prefix: [CSVWriter.Cell], details: WorkshopReport? = nil) {
        func extra(_ id: Int64) -> [CSVWriter.Cell] {
            guard let details else { return [] }
            let detail = details.detail(id)
            return [.text(detail?.description ?? ""), .text(detail?.buildOns.joined(separator: "\n") ?? ""), .text(detail?.cluster ?? "")]
        }
        func number(_ value: Double, _ digits: Int) -> CSVWriter.Cell {
            .number(DecimalText.format(value, digits: digits, comma: dialect.decimalComma))
        }
        let groups = ranking.bridging?.groups ?? []
        let labels = ReportLabels.of(ranking.language)
        for entry in ranking.entries {
            var cells = prefix + [
                .number("\(entry.rank)"), .number("\(entry.id)"), .text(entry.title), entry.author.map { .text(ErasedPerson.displayName($0, language: labels.language)) } ?? .empty,
                number(entry.overall, 2), number(entry.interval.low, 2), number(entry.interval.high, 2),
            ]
            for goal in goalColumns {
                guard ranking.hasGoalScores, let score = entry.goals[goal.key] else {
                    cells += [.empty, .empty, .empty, .empty]
                    continue
                }
                cells += [number(score.score, 2), number(score.low, 2), number(score.high, 2), .number("\(score.ratings)")]
            }
            cells += [
                number(entry.support.share, 3), number(entry.support.lower, 3), .number("\(entry.support.supporters)"),
                .number("\(entry.support.dots)"), .number("\(entry.ratings)"), .number("\(entry.buildOns)"),
                .text("visible"), .empty, .number("\(entry.rankRange.best)"), .number("\(entry.rankRange.worst)"),
            ]
            cells += [
                entry.broadSupport.map { number($0.score, 3) } ?? .empty,
                .text(labels.carriedLabel(entry.broadSupport, groups: groups)),
                .text(labels.groupBreakdown(entry.broadSupport, groups: groups)),
            ]
            writer.record(cells + extra(entry.id))
        }
        let blanks = Array(repeating: CSVWriter.Cell.empty, count: 3 + goalColumns.count * 4 + 6)
        for proposal in ranking.excluded {
            var cells = prefix + [.empty, .number("\(proposal.id)"), .text(proposal.title)] + blanks
            cells += [.number("\(proposal.buildOns)"), .text(proposal.status),
                      proposal.mergedInto.map { .number("\($0)") } ?? .empty, .empty, .empty, .empty, .empty, .empty]
            writer.record(cells + extra(proposal.id))
        }
    }

    static func methodRecords(_ report: WorkshopReport, labels: ReportLabels, into writer: inout CSVWriter) {
        writer.record(texts: [labels.workshop, "\(report.code) · \(report.title.text(for: labels.language))"])
        writer.record(texts: [labels.phase, labels.phaseName(report.phase)])
        if let cluster = report.cluster { writer.record(texts: [labels.cluster, cluster]) }
        writer.record(texts: [labels.generated, ISO8601DateFormatter().string(from: report.generatedAt)])
        for line in MethodStatement(ranking: report.ranking, labels: labels).lines {
            writer.record(texts: [line.label, line.value])
        }
        let formatter = ISO8601DateFormatter()
        for merge in report.merges ?? [] {
            writer.record(texts: [labels.merges, "#\(merge.from)", "#\(merge.into)", merge.by, formatter.string(from: merge.at),
                                  merge.undoneAt.map { "\(labels.undone) \(formatter.string(from: $0))" } ?? ""])
        }
    }
}
