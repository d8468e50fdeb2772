/// Parses a ranking's `weights` query (`space:2,partnerships:1,community:1`) against a workshop's goals.
///
/// Goals the query does not name keep their stored weight. Errors are `DomainError`s of kind `invalid`
/// with code `weights`, naming the offending part, so the API can answer 422 as docs/api.md requires.
public enum GoalWeights {
    public static func parse(_ query: String, goals: [Goal]) throws(DomainError) -> [String: Double] {
        let known = Set(goals.map(\.key))
        var weights: [String: Double] = [:]
        for part in query.split(separator: ",", omittingEmptySubsequences: false) {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                throw DomainError(.invalid, code: "weights", "expected goal:weight, got '\(part)'", field: "weights")
            }
            let key = pieces[0].trimmingWhitespace
            guard known.contains(key) else {
                throw DomainError(.invalid, code: "weights", "unknown goal '\(key)'", field: "weights")
            }
            guard weights[key] == nil else {
                throw DomainError(.invalid, code: "weights", "goal '\(key)' given twice", field: "weights")
            }
            guard let weight = Double(pieces[1].trimmingWhitespace), weight.isFinite else {
                throw DomainError(.invalid, code: "weights", "weight of '\(key)' is not a number", field: "weights")
            }
            guard weight >= 0 else {
                throw DomainError(.invalid, code: "weights", "weight of '\(key)' is negative", field: "weights")
            }
            weights[key] = weight
        }
        let total = goals.reduce(0.0) { $0 + (weights[$1.key] ?? max($1.weight, 0)) }
        guard total > 0 else {
            throw DomainError(.invalid, code: "weights", "all weights are zero", field: "weights")
        }
        return weights
    }
}

extension Substring {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
