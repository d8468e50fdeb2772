import Foundation

/// The method behind a ranking as label–value lines, the same in every export so a reader can audit
/// the result without the software (issue 4, item 9).
struct MethodStatement {
    let lines: [(label: String, value: String)]

    init(ranking: Ranking, labels: ReportLabels) {
        let method = ranking.method
        // Goals by their label in the report's language (readers never see keys).
        let weights = ranking.goals.map { "\($0.label.text(for: labels.language)) \(labels.number($0.weight, 2))" }.joined(separator: ", ")
        let counts = ranking.counts
        let countText = "\(labels.participants.lowercased()) \(counts.participants), "
            + "\(labels.ballots.lowercased()) \(counts.ballots), \(labels.rankedProposals.lowercased()) "
            + "\(counts.proposals), \(labels.ratings.lowercased()) \(counts.ratings)"
        var voting = labels.votingMethodName(method.votingMethod)
        if method.votingMethod == .dots {
            voting += labels.isItalian
                ? " (budget \(method.dotBudget), al massimo \(method.cap) per proposta)"
                : " (budget \(method.dotBudget), at most \(method.cap) per proposal)"
        }
        lines = [
            (labels.method, method.name),
            (labels.formulas, method.descriptions.text(for: labels.language)),
            (labels.priorStrength, labels.number(method.priorStrength, 2)),
            (labels.intervalLevel, DecimalText.percent(method.interval) + " (z = \(labels.number(method.z, 3)))"),
            (labels.supportWeight, labels.number(method.supportWeight, 2)),
            (labels.weights, weights.isEmpty ? labels.none : weights),
            (labels.votingMethod, voting),
            (labels.tieRule, method.tieBreaks.text(for: labels.language)),
            (labels.counts, countText),
        ]
    }
}
