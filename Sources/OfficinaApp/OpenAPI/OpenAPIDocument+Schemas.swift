extension OpenAPIDocument {
    typealias S = SchemaBuilder

    /// The shapes of docs/api.md.
    static var schemas: [(String, JSONValue)] {
        let localized = S.object([("it", S.string), ("en", S.string)])
        let person = S.object([("id", S.integer), ("name", S.string)])
        let tally = S.object([("support", S.integer), ("supporters", S.integer)])
        return [
            ("Error", S.object([("error", S.object([
                ("code", S.string), ("message", S.string), ("field", S.string),
            ], required: ["code", "message"]))])),
            ("LocalizedText", localized),
            ("LocalizedTextInput", S.object([("it", S.string(length: 0...4000)), ("en", S.string(length: 0...4000))], required: ["it"], closed: true)),
            ("Goal", S.object([("key", S.string), ("label", S.ref("LocalizedText")), ("weight", S.number)])),
            ("GoalInput", S.object([
                ("key", ["type": "string", "pattern": "^[a-z][a-z0-9_-]{0,31}$"]), ("label", S.ref("LocalizedTextInput")),
                ("weight", ["type": "number", "minimum": 0, "maximum": 1000]),
            ], required: ["key", "label"], closed: true)),
            ("WorkshopSettings", S.object([
                ("votingMethod", S.enumeration(["approval", "dots", "pairwise"])), ("dotBudget", S.integer), ("perProposalCap", S.integer),
                ("ratingsEnabled", S.boolean), ("anonymous", S.boolean), ("shuffleProposals", S.boolean),
                ("showLiveTallies", S.boolean), ("allowSelfSupport", S.boolean), ("requireAccessCode", S.boolean),
                ("proposalsPerParticipant", S.integer), ("buildOnsPerParticipant", S.integer), ("editsPerMinute", S.integer),
                ("maxProposals", S.integer),
            ])),
            ("WorkshopSettingsInput", S.object([
                ("votingMethod", S.enumeration(["approval", "dots", "pairwise"])), ("dotBudget", S.integer(1...100)),
                ("perProposalCap", S.integer(1...100)), ("ratingsEnabled", S.boolean), ("anonymous", S.boolean),
                ("shuffleProposals", S.boolean), ("showLiveTallies", S.boolean), ("allowSelfSupport", S.boolean),
                ("requireAccessCode", S.boolean),
                ("proposalsPerParticipant", S.integer(1...100)), ("buildOnsPerParticipant", S.integer(1...500)),
                ("editsPerMinute", S.integer(1...120)), ("maxProposals", S.integer(1...2000)),
            ], required: [], closed: true)),
            ("Workshop", S.object([
                ("id", S.integer), ("code", S.string), ("programmeId", S.integer), ("theme", S.string),
                ("title", S.ref("LocalizedText")), ("description", S.ref("LocalizedText")),
                ("phase", S.enumeration(["draft", "collecting", "voting", "closed"])), ("deadline", S.nullable(S.dateTime)),
                ("settings", S.ref("WorkshopSettings")), ("goals", S.array(S.ref("Goal"))), ("locked", S.boolean),
                ("counts", S.object([("participants", S.integer), ("proposals", S.integer), ("ballots", S.integer)])),
                ("joinUrl", S.string), ("autoAdvance", S.boolean),
                ("participantGroups", S.array(S.object([("key", S.string), ("label", S.ref("LocalizedText"))]))),
            ])),
            ("Programme", S.object([
                ("id", S.integer), ("title", S.ref("LocalizedText")), ("description", S.ref("LocalizedText")),
                ("goals", S.array(S.ref("Goal"))), ("workshops", S.array(S.ref("Workshop"))),
            ])),
            ("BuildOn", S.object([
                ("id", S.integer), ("proposalId", S.integer), ("text", S.string), ("author", S.nullable(person)),
                ("createdAt", S.dateTime),
            ])),
            ("Proposal", S.object([
                ("id", S.integer), ("workshop", S.string), ("title", S.string), ("body", S.string),
                ("goals", S.array(S.string)), ("author", S.nullable(person)),
                ("status", S.enumeration(["visible", "hidden", "merged"])), ("mergedInto", S.nullable(S.integer)),
                ("createdAt", S.dateTime), ("buildOns", S.array(S.ref("BuildOn"))), ("mine", S.boolean),
                ("tally", S.nullable(tally)), ("hiddenReason", S.nullable(S.string)), ("withdrawn", S.boolean),
            ])),
            ("BallotInput", S.object([
                ("support", S.map(S.integer(0...100))),
                ("ratings", S.map(S.map(S.integer(0...4)))),
            ], required: [], closed: true)),
            ("Ballot", S.object([
                ("support", S.map(S.integer)), ("ratings", S.map(S.map(S.integer))),
                ("method", S.enumeration(["approval", "dots", "pairwise"])), ("budget", S.integer), ("cap", S.integer), ("spent", S.integer),
                ("notices", S.array(S.object([
                    ("code", S.enumeration(["merged", "capped", "hidden", "own_proposal"])), ("proposal", S.integer),
                    ("into", S.nullable(S.integer)), ("dots", S.integer), ("counted", S.integer),
                ]))),
            ])),
            // One language, numbers rounded (docs/scoring.md "Precision of the answer"); `compact` leaves
            // out the members not required here.
            ("Ranking", S.object([
                ("workshop", S.string), ("phase", S.string), ("language", S.enumeration(["it", "en"])),
                ("view", S.enumeration(["full", "compact"])), ("weights", S.map(S.number)), ("method", ["type": "object"]),
                ("counts", ["type": "object"]),
                ("entries", S.array(S.object([
                    ("rank", S.integer), ("id", S.integer), ("title", S.string), ("overall", S.number),
                    ("explanation", S.string), ("broadSupport", Self.broadSupportSchema),
                ], required: ["rank", "id", "title", "overall"]))),
                ("perGoal", S.map(S.array(S.integer))), ("settled", ["type": "object"]), ("shortlist", ["type": "object"]),
                ("bridging", Self.bridgingSchema),
            ], required: ["workshop", "phase", "language", "view", "method", "counts", "entries", "settled", "shortlist"])),
            ("Me", S.object([
                ("facilitator", S.nullable(S.object([("username", S.string)]))), ("participant", S.nullable(person)),
            ])),
            ("PhaseChange", S.object([
                ("from", S.string), ("to", S.string), ("by", S.string), ("at", S.dateTime),
            ])),
            ("Merge", S.object([
                ("id", S.integer), ("from", S.integer), ("into", S.integer), ("by", S.string), ("at", S.dateTime),
                ("undoneAt", S.nullable(S.dateTime)),
            ])),
        ]
    }
}
