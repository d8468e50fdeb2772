/// Goal keys: the stable identifiers (`space`, `partnerships`, `community`) used in ballots, weights and URLs.
public enum GoalKeys {
    /// Longest key.
    public static let maxLength = 32

    /// Checks a new key is `[a-z][a-z0-9_-]{0,31}`; throws `DomainError(.invalid, code: "goal_key")`.
    public static func validate(_ key: String, field: String = "goals.key") throws(DomainError) {
        let bytes = Array(key.utf8)
        let valid = (1...maxLength).contains(bytes.count)
            && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[0])
            && bytes.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
        guard valid else {
            throw DomainError(
                .invalid, code: "goal_key",
                "a goal key must be a lower-case letter then up to \(maxLength - 1) letters, digits, '_' or '-'", field: field)
        }
    }

    /// The goals a proposal says it serves: each must be one of `known`; repeats are dropped, order kept.
    /// Throws `DomainError(.invalid, code: "unknown_goal", field: "goals")`.
    public static func selection(_ goals: [String], known: Set<String>) throws(DomainError) -> [String] {
        var seen = Set<String>()
        var kept = [String]()
        for goal in goals {
            guard known.contains(goal) else {
                throw DomainError(
                    .invalid, code: "unknown_goal",
                    "unknown goal '\(goal.prefix(40))'; known goals: \(known.sorted().joined(separator: ", "))", field: "goals")
            }
            if seen.insert(goal).inserted { kept.append(goal) }
        }
        return kept
    }
}
