extension OpenAPIDocument {
    /// A ranking entry's `broadSupport` (docs/scoring.md §19): per group key, ballots that saw and backed it.
    static var broadSupportSchema: JSONValue {
        S.object([
            ("consensus", S.number), ("score", S.number), ("carriedBy", S.nullable(S.string)),
            ("groups", S.map(S.object([("seen", S.integer), ("agree", S.integer), ("share", S.number)]))),
        ])
    }

    /// A ranking's `bridging`: the setting, whether it changed the overall, the groups that voted.
    static var bridgingSchema: JSONValue {
        S.object([
            ("enabled", S.boolean), ("applied", S.boolean), ("undeclared", S.integer),
            ("groups", S.array(S.object([("key", S.string), ("label", S.ref("LocalizedText")), ("ballots", S.integer)]))),
        ])
    }
}
