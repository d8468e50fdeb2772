import Foundation
import OfficinaCore

/// JSON shapes of the domain types, as docs/api.md writes them.
extension JSONValue {
    /// An ISO 8601 UTC timestamp without fractional seconds (`2026-11-29T12:00:00Z`).
    public static func date(_ date: Date) -> JSONValue {
        .string(date.formatted(.iso8601))
    }

    public static func date(_ date: Date?) -> JSONValue {
        date.map { .date($0) } ?? .null
    }

    public static func localized(_ text: LocalizedText) -> JSONValue {
        .object([("it", .string(text.it)), ("en", .string(text.en))])
    }

    public static func goal(_ goal: Goal) -> JSONValue {
        .object([("key", .string(goal.key)), ("label", .localized(goal.label)), ("weight", .number(goal.weight))])
    }

    public static func settings(_ settings: WorkshopSettings) -> JSONValue {
        .object([
            ("votingMethod", .string(settings.votingMethod.rawValue)),
            ("dotBudget", .int(settings.dotBudget)),
            ("perProposalCap", .int(settings.perProposalCap)),
            ("ratingsEnabled", .bool(settings.ratingsEnabled)),
            ("anonymous", .bool(settings.anonymous)),
            ("shuffleProposals", .bool(settings.shuffleProposals)),
            ("showLiveTallies", .bool(settings.showLiveTallies)),
            ("allowSelfSupport", .bool(settings.allowSelfSupport)),
            ("requireAccessCode", .bool(settings.requireAccessCode)),
            ("proposalsPerParticipant", .int(settings.proposalsPerParticipant)),
            ("buildOnsPerParticipant", .int(settings.buildOnsPerParticipant)),
            ("editsPerMinute", .int(settings.editsPerMinute)),
            ("maxProposals", .int(settings.maxProposals)),
        ])
    }

    public static func phaseChange(_ change: PhaseChange) -> JSONValue {
        .object([("from", .string(change.from.rawValue)), ("to", .string(change.to.rawValue)),
                 ("by", .string(change.by)), ("at", .date(change.at))])
    }

    public static func person(id: Int64, name: String) -> JSONValue {
        .object([("id", .integer(id)), ("name", .string(name))])
    }
}
