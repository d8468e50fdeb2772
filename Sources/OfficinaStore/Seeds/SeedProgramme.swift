import Foundation
import OfficinaCore

/// A programme described as data (`seeds/programme.json`), validated field by field.
///
/// ```json
/// {"title": {"it": "…", "en": "…"}, "description": {"it": "…", "en": "…"},
///  "goals": [{"key": "space", "label": {"it": "…", "en": "…"}, "weight": 1}],
///  "workshops": [{"theme": "design", "title": {…}, "description": {…},
///                 "code": "ACD347", "phase": "draft", "settings": {"votingMethod": "dots", "dotBudget": 5}}]}
/// ```
/// `code`, `phase`, `settings` and each setting are optional; every other field is required, texts in
/// both languages. Unknown fields are refused so that a typo does not pass silently.
public struct SeedProgramme: Sendable, Hashable {
    public struct SeedWorkshop: Sendable, Hashable {
        public var theme: String
        public var title: LocalizedText
        public var description: LocalizedText
        public var code: JoinCode?
        public var phase: Phase
        public var settings: WorkshopSettings
    }

    public var title: LocalizedText
    public var description: LocalizedText
    public var goals: [Goal]
    public var workshops: [SeedWorkshop]
    /// The kinds of help the programme asks for (`offerKinds`, optional: ``OfferKind/defaults`` when absent).
    public var offerKinds: [OfferKind]
    /// The groups participants may declare at join (`participantGroups`, optional: none when absent).
    public var participantGroups: [ParticipantGroup] = []

    /// Parses and validates a seed file's bytes; the error names the first offending field.
    public init(data: Data) throws {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw SeedError(path: "", problem: "not valid JSON (\(Self.describe(error)))")
        }
        let reader = try SeedReader(root, at: "")
        try reader.only(["title", "description", "goals", "workshops", "offerKinds", "participantGroups"])
        title = try reader.localized("title")
        description = try reader.localized("description")
        goals = try reader.array("goals").enumerated().map { index, value in
            try Self.goal(value, at: "goals[\(index)]")
        }
        guard !goals.isEmpty else { throw SeedError(path: "goals", problem: "needs at least one goal") }
        var seen: Set<String> = []
        for (index, goal) in goals.enumerated() where !seen.insert(goal.key).inserted {
            throw SeedError(path: "goals[\(index)].key", problem: "duplicate key \"\(goal.key)\"")
        }
        workshops = try reader.array("workshops").enumerated().map { index, value in
            try Self.workshop(value, at: "workshops[\(index)]")
        }
        offerKinds = try Self.offerKinds(reader)
        participantGroups = try Self.participantGroups(reader)
        var codes: Set<JoinCode> = []
        for (index, workshop) in workshops.enumerated() {
            if let code = workshop.code, !codes.insert(code).inserted {
                throw SeedError(path: "workshops[\(index)].code", problem: "duplicate code \(code)")
            }
        }
    }

    private static func goal(_ value: JSONValue, at path: String) throws -> Goal {
        let reader = try SeedReader(value, at: path)
        try reader.only(["key", "label", "weight"])
        let key = try reader.string("key")
        guard key.range(of: "^[a-z][a-z0-9_-]{0,31}$", options: .regularExpression) != nil else {
            throw SeedError(path: reader.child("key"), problem: "must match [a-z][a-z0-9_-]{0,31}")
        }
        let weight = reader.fields["weight"] == nil ? 1 : try reader.number("weight")
        guard weight >= 0, weight.isFinite else {
            throw SeedError(path: reader.child("weight"), problem: "must be a number ≥ 0")
        }
        return Goal(key: key, label: try reader.localized("label"), weight: weight)
    }

    private static func workshop(_ value: JSONValue, at path: String) throws -> SeedWorkshop {
        let reader = try SeedReader(value, at: path)
        try reader.only(["theme", "title", "description", "code", "phase", "settings"])
        let theme = try reader.string("theme")
        let title = try reader.localized("title")
        let description = try reader.localized("description")
        var code: JoinCode?
        if let raw = try reader.optionalString("code") {
            guard let parsed = JoinCode(raw) else {
                throw SeedError(path: reader.child("code"), problem: "not a join code (6 of \(String(JoinCode.alphabet)))")
            }
            code = parsed
        }
        var phase = Phase.draft
        if let raw = try reader.optionalString("phase") {
            guard let parsed = Phase(rawValue: raw) else {
                throw SeedError(path: reader.child("phase"), problem: "unknown phase (draft, collecting, voting or closed)")
            }
            phase = parsed
        }
        let settings = reader.fields["settings"] == nil
            ? WorkshopSettings.default
            : try Self.settings(try reader.value("settings"), at: reader.child("settings"))
        return SeedWorkshop(theme: theme, title: title, description: description, code: code, phase: phase, settings: settings)
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
        }
        return "\(error)"
    }
}
