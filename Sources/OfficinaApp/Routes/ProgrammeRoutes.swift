import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Programmes and their goals: list, create, edit (goal weights are the default ranking weights).
struct ProgrammeRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/programmes", list)
        routes.post("/api/programmes", create)
        routes.get("/api/programmes/:id", show)
        routes.patch("/api/programmes/:id", update)
    }

    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        let base = context.baseURL(for: request)
        let facilitator = try context.facilitator(of: request) != nil
        let programmes = try context.store.read { db in
            try db.programmes.list().map { listing in
                try Self.json(listing.programme, workshops: listing.workshops.map { try WorkshopState.load($0, in: db) }, baseURL: base,
                              facilitator: facilitator)
            }
        }
        return .json(["programmes": .array(programmes)])
    }

    func show(_ request: HTTPRequest) async throws -> HTTPResponse {
        let id = try request.idParameter()
        return .json(try load(id, baseURL: context.baseURL(for: request), facilitator: try context.facilitator(of: request) != nil))
    }

    func create(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let body = try JSONFields(request, allowed: ["title", "description", "goals"])
        guard let title = try body.localized("title", TextField.programmeTitle) else { throw body.missing("title") }
        let description = try body.localized("description", Self.description) ?? LocalizedText(it: "", en: "")
        guard let goals = try Self.goals(body) else { throw body.missing("goals") }
        let programme = try await context.store.write { db in
            try db.programmes.create(title: title, description: description, goals: goals)
        }
        return .json(Self.json(programme, workshops: [], baseURL: context.baseURL(for: request)), status: .created)
    }

    func update(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let body = try JSONFields(request, allowed: ["title", "description", "goals"])
        let title = try body.localized("title", TextField.programmeTitle)
        let description = try body.localized("description", Self.description)
        let goals = try Self.goals(body)
        let updated: Programme? = try await context.store.write { db -> Programme? in
            guard var programme = try db.programmes.find(id: id) else { return nil }
            if let title { programme.title = title }
            if let description { programme.description = description }
            if let goals {
                let removed = Set(programme.goals.map(\.key)).subtracting(goals.map(\.key))
                let rated = try db.programmes.ratedGoalKeys(programmeID: id).intersection(removed).sorted()
                guard rated.isEmpty else {
                    throw DomainError(.conflict, code: "goal_rated",
                                      "Ballots rated the goal \(rated.joined(separator: ", ")); it cannot be removed from the programme.")
                }
                programme.goals = goals
            }
            return try db.programmes.update(programme)
        }
        guard updated != nil else { throw APIError.notFound("Programme") }
        return .json(try load(id, baseURL: context.baseURL(for: request), facilitator: true))
    }

    func load(_ id: Int64, baseURL: String, facilitator: Bool) throws -> JSONValue {
        let json: JSONValue? = try context.store.read { db in
            guard let programme = try db.programmes.find(id: id) else { return nil }
            let workshops = try db.workshops.list(programmeID: id).map { try WorkshopState.load($0, in: db) }
            return Self.json(programme, workshops: workshops, baseURL: baseURL, facilitator: facilitator)
        }
        guard let json else { throw APIError.notFound("Programme") }
        return json
    }

    /// Goals from a body: keys `[a-z][a-z0-9_-]{0,31}`, unique; labels; weights 0–100, not all 0.
    static func goals(_ body: JSONFields) throws -> [Goal]? {
        guard let items = try body.objects("goals", count: 1...12, allowed: ["key", "label", "weight"]) else { return nil }
        var goals: [Goal] = []
        for item in items {
            let key = try item.requiredRawString("key", maxLength: GoalKeys.maxLength)
            try GoalKeys.validate(key, field: item.path("key"))
            guard !goals.contains(where: { $0.key == key }) else {
                throw APIError.invalid(item.path("key"), "Goal key \(key) appears twice.", code: "duplicate")
            }
            guard let label = try item.localized("label", goalLabel) else { throw item.missing("label") }
            let weight = try item.number("weight", in: 0...GoalWeights.maximum) ?? 1
            goals.append(Goal(key: key, label: label, weight: weight))
        }
        try GoalWeights.validate(goals: goals)
        return goals
    }

    static let description = TextField(field: "description", lengths: 0...4_000, multiline: true)
    static let goalLabel = TextField(field: "label", lengths: 1...200, multiline: false)

    /// The Programme shape. Join codes are shown in the room, not to the world: for anyone but a
    /// facilitator, drafts are left out and the other workshops carry neither `code` nor `joinUrl`,
    /// so the listing cannot be used to join every workshop from afar (docs/security.md).
    static func json(_ programme: Programme, workshops: [WorkshopState], baseURL: String, facilitator: Bool = true) -> JSONValue {
        let shown = facilitator ? workshops.map { $0.json(baseURL: baseURL) }
            : workshops.filter { $0.workshop.phase != .draft }.map { $0.json(baseURL: baseURL).removing(["code", "joinUrl"]) }
        return .object([
            ("id", .integer(programme.id)),
            ("title", .localized(programme.title)),
            ("description", .localized(programme.description)),
            ("goals", .array(programme.goals.map(JSONValue.goal))),
            ("workshops", .array(shown)),
        ])
    }
}
