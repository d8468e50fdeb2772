import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Workshops: create, read, edit (settings lock once a ballot exists), phase moves and their log,
/// participation figures.
struct WorkshopRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.post("/api/programmes/:id/workshops", create)
        routes.get("/api/workshops/:code", show, immediate: cachedShow)
        routes.patch("/api/workshops/:code", update)
        routes.post("/api/workshops/:code/phase", movePhase)
        routes.get("/api/workshops/:code/phases", phaseLog)
        routes.get("/api/workshops/:code/stats", stats)
    }

    static let theme = TextField(field: "theme", lengths: 1...40, multiline: false)

    func create(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let programmeID = try request.idParameter()
        let body = try JSONFields(request, allowed: ["theme", "title", "description", "settings", "deadline"])
        let theme = try body.requiredText("theme", Self.theme)
        guard let title = try body.localized("title", TextField.workshopTitle) else { throw body.missing("title") }
        let description = try body.localized("description", TextField.workshopDescription) ?? LocalizedText(it: "", en: "")
        let settings = try WorkshopSettingsInput.apply(body, to: .default) ?? .default
        if body.has("deadline"), case .some(.some) = try body.date("deadline") {
            throw APIError.invalid("deadline", "A new workshop is in draft, which has no deadline; set one when moving it to a phase.", code: "deadline")
        }
        let base = context.baseURL(for: request)
        let state: WorkshopState? = try await context.store.write { db in
            guard try db.programmes.find(id: programmeID) != nil else { return nil }
            let workshop = try db.workshops.create(programmeID: programmeID, theme: theme, title: title, description: description, settings: settings)
            return try WorkshopState.load(workshop, in: db)
        }
        guard let state else { throw APIError.notFound("Programme") }
        return .json(state.json(baseURL: base), status: .created)
    }

    /// The cached answer if there is one for the current generation, else nil: answered on the I/O
    /// thread (a lock and a dictionary, no store read), or by `show` in a task when nil.
    func cachedShow(_ request: HTTPRequest) -> HTTPResponse? {
        let generation = context.store.changeGeneration
        guard let code = request.parameters["code"] else { return nil }
        let key = WorkshopAnswerKey(code: code, baseURL: context.baseURL(for: request))
        return context.workshopAnswers.value(for: key, generation: generation)?.immediateResponse(to: request)
    }

    /// The workshop, encoded once per store generation and base URL (see `GenerationCache`).
    func show(_ request: HTTPRequest) async throws -> HTTPResponse {
        // Taken before any read, so whatever is read next is at least this fresh.
        let generation = context.store.changeGeneration
        let code = try request.parameter("code")
        let base = context.baseURL(for: request)
        let key = WorkshopAnswerKey(code: code, baseURL: base)
        if let answer = context.workshopAnswers.value(for: key, generation: generation) { return answer.response(to: request) }
        guard let state = try context.store.read({ try WorkshopState.load(code: code, in: $0) }) else { throw APIError.notFound("Workshop") }
        let answer = EncodedAnswer(state.json(baseURL: base).bytes)
        context.workshopAnswers.store(answer, for: key, generation: generation)
        return answer.response(to: request)
    }

    func update(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let current = try context.workshop(request)
        let body = try JSONFields(request, allowed: ["theme", "title", "description", "settings", "deadline", "autoAdvance"])
        let autoAdvance = try body.bool("autoAdvance")
        let theme = try body.text("theme", Self.theme)
        let title = try body.localized("title", TextField.workshopTitle)
        let description = try body.localized("description", TextField.workshopDescription)
        let settings = try WorkshopSettingsInput.apply(body, to: current.settings)
        let deadline = try body.date("deadline")
        if case let .some(.some(date)) = deadline { try PhaseRules.validateDeadline(date, for: current.phase) }
        let base = context.baseURL(for: request)
        let (state, event) = try await context.store.write { db -> (WorkshopState, LiveEvent) in
            guard var workshop = try db.workshops.find(id: current.id) else { throw APIError.notFound("Workshop") }
            if let settings {
                try SettingsRules.validateChange(from: workshop.settings, to: settings, ballotsExist: try db.workshops.isLocked(workshopID: workshop.id))
                workshop.settings = settings
            }
            if let theme { workshop.theme = theme }
            if let title { workshop.title = title }
            if let description { workshop.description = description }
            if let deadline { workshop.deadline = deadline }
            _ = try db.workshops.update(workshop)
            if let autoAdvance { try db.autoAdvance.set(workshopID: workshop.id, enabled: autoAdvance) }
            let state = try WorkshopState.load(workshop, in: db)
            return (state, try db.appendLiveEvent(workshopID: workshop.id, kind: "workshop", data: state.event(baseURL: base)))
        }
        context.publish([event], workshopID: current.id)
        context.hub.talliesChanged(workshopID: current.id)
        context.rearmDeadlines()
        return .json(state.json(baseURL: base))
    }

    func movePhase(_ request: HTTPRequest) async throws -> HTTPResponse {
        let facilitator = try context.requireFacilitator(request)
        let current = try context.workshop(request)
        let body = try JSONFields(request, allowed: ["phase", "deadline", "autoAdvance"])
        let autoAdvance = try body.bool("autoAdvance")
        let name = try body.requiredRawString("phase", maxLength: 16)
        guard let phase = Phase(rawValue: name) else {
            throw APIError.invalid("phase", "phase must be one of draft, collecting, voting, closed.", code: "type")
        }
        let deadline: Date? = try body.date("deadline") ?? nil
        if let deadline { try PhaseRules.validateDeadline(deadline, for: phase) }
        let base = context.baseURL(for: request)
        let (state, event) = try await context.store.write { db -> (WorkshopState, LiveEvent) in
            guard try db.workshops.setPhase(workshopID: current.id, to: phase, by: facilitator.username, deadline: deadline) != nil
            else { throw APIError.notFound("Workshop") }
            if let autoAdvance { try db.autoAdvance.set(workshopID: current.id, enabled: autoAdvance) }
            guard let state = try WorkshopState.load(id: current.id, in: db) else { throw APIError.notFound("Workshop") }
            return (state, try db.appendLiveEvent(workshopID: current.id, kind: "workshop", data: state.event(baseURL: base)))
        }
        context.publish([event], workshopID: current.id)
        context.hub.talliesChanged(workshopID: current.id)
        context.rearmDeadlines()
        return .json(state.json(baseURL: base))
    }

    func phaseLog(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let log = try context.store.read { try $0.workshops.phaseLog(workshopID: workshop.id) }
        return .json(["log": .array(log.map(JSONValue.phaseChange))])
    }

    func stats(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let counts = try context.store.read { try $0.workshops.counts(workshopID: workshop.id) }
        return .json([
            "participants": .int(counts.participants), "proposals": .int(counts.proposals), "buildOns": .int(counts.buildOns),
            "ballots": .int(counts.ballots), "ratings": .int(counts.ratings),
        ])
    }
}
