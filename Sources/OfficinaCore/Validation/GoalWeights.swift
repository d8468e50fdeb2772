/// Goal weights for a ranking: from the `weights` query parameter or from JSON.
///
/// A weight is a decimal number from 0 to `maximum`; at least one must be above 0. Goals not named keep
/// their programme weight (`Goal.weight`), so `weights=space:2` doubles space and leaves the rest as the
/// facilitator set them. Every error is `DomainError(.invalid, code: "weights")` (HTTP 422) with a
/// message that says exactly what is wrong and a `field` naming the goal when there is one.
///
/// ```swift
/// let weights = try GoalWeights.parse("space:2,partnerships:1,community:1", goals: programme.goals)
/// // ["space": 2, "partnerships": 1, "community": 1]
/// ```
public enum GoalWeights {
    /// Largest weight accepted.
    public static let maximum: Double = 100
    /// Most entries one query may list (bounds the work whatever the client sends).
    public static let maxEntries = 64
    /// Longest number text accepted, e.g. `100.000000`.
    static let maxNumberLength = 12

    /// Parses `space:2,partnerships:1,community:0.5`.
    public static func parse(_ query: String, goals: [Goal]) throws(DomainError) -> [String: Double] {
        let entries = query.split(separator: ",", omittingEmptySubsequences: false)
        guard !query.allSatisfy(\.isWhitespace) else {
            throw failure("weights is empty; expected goal:weight pairs such as space:2,community:1")
        }
        guard entries.count <= maxEntries else { throw failure("weights lists \(entries.count) entries; at most \(maxEntries)") }
        let known = Set(goals.map(\.key))
        var named = [String: Double]()
        for (position, entry) in entries.enumerated() {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            let trimmedEntry = entry.trimmingWhitespace
            guard !trimmedEntry.isEmpty else { throw failure("weights has an empty entry at position \(position + 1)") }
            guard parts.count == 2 else {
                throw failure("weights entry '\(quoted(trimmedEntry))' must be goal:weight, as in space:2")
            }
            let key = parts[0].trimmingWhitespace
            guard known.contains(key) else {
                throw failure("unknown goal '\(quoted(key))' in weights; known goals: \(known.sorted().joined(separator: ", "))")
            }
            guard named[key] == nil else { throw failure("goal '\(key)' appears twice in weights", goal: key) }
            named[key] = try number(parts[1].trimmingWhitespace, goal: key)
        }
        var weights = [String: Double]()
        for goal in goals { weights[goal.key] = named[goal.key] ?? goal.weight }
        return try validate(weights, goals: goals)
    }

    /// Checks weights that arrived as JSON numbers (`{"space":2,"community":1}`): known goals only, each
    /// finite, 0…`maximum`, not all zero. Goals not named keep their programme weight.
    public static func validate(_ weights: [String: Double], goals: [Goal]) throws(DomainError) -> [String: Double] {
        let known = Set(goals.map(\.key))
        for key in weights.keys.sorted() where !known.contains(key) {
            throw failure("unknown goal '\(quoted(key))' in weights; known goals: \(known.sorted().joined(separator: ", "))")
        }
        var result = [String: Double]()
        for goal in goals {
            let weight = weights[goal.key] ?? goal.weight
            try check(weight, goal: goal.key)
            result[goal.key] = weight
        }
        guard result.values.contains(where: { $0 > 0 }) else {
            throw failure("all weights are zero; at least one goal needs a weight above 0")
        }
        return result
    }

    /// Checks a programme's own goal weights (as set from the console): the same rules, keyed by goal.
    public static func validate(goals: [Goal]) throws(DomainError) {
        _ = try validate([:], goals: goals)
    }

    private static func number(_ text: String, goal: String) throws(DomainError) -> Double {
        let isDecimal = { (digits: Substring) -> Bool in
            let halves = digits.split(separator: ".", omittingEmptySubsequences: false)
            return (1...2).contains(halves.count)
                && halves.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }
        }
        if text.hasPrefix("-"), isDecimal(text.dropFirst()) {
            throw failure("weight for '\(goal)' is negative (\(quoted(text))); weights must be 0 or more", goal: goal)
        }
        guard text.utf8.count <= maxNumberLength, isDecimal(Substring(text)), let value = Double(text) else {
            throw failure("weight for '\(goal)' is not a number: '\(quoted(text))'", goal: goal)
        }
        return value
    }

    private static func check(_ weight: Double, goal: String) throws(DomainError) {
        guard weight.isFinite else { throw failure("weight for '\(goal)' is not a finite number", goal: goal) }
        guard weight >= 0 else {
            throw failure("weight for '\(goal)' is negative (\(weight)); weights must be 0 or more", goal: goal)
        }
        guard weight <= maximum else {
            throw failure("weight for '\(goal)' is \(weight), above the maximum \(Int(maximum))", goal: goal)
        }
    }

    private static func failure(_ message: String, goal: String? = nil) -> DomainError {
        DomainError(.invalid, code: "weights", message, field: goal.map { "weights.\($0)" } ?? "weights")
    }

    /// Client text echoed in a message, cut short.
    private static func quoted(_ text: some StringProtocol) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : String(text)
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
