import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Follow-up (accountability): after closing, facilitators turn proposals into actions with an owner, a
/// next step, a due date, a status and dated notes; anyone reads them ("What happened to our ideas").
struct FollowUpRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/actions", list)
        routes.post("/api/workshops/:code/actions", create)
        routes.post("/api/workshops/:code/actions/shortlist", fromShortlist)
        routes.patch("/api/actions/:id", update)
        routes.delete("/api/actions/:id", remove)
        routes.post("/api/actions/:id/notes", addNote)
        routes.get("/api/programmes/:id/follow-up", programme)
    }

    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let actions = try context.store.read { db in try Self.actionsJSON(workshop, db: db) }
        return .json(["actions": actions])
    }

    static let createFields: Set<String> = ["proposalId", "title", "owner", "ownerParticipantId", "nextStep", "due"]

    func create(_ request: HTTPRequest) async throws -> HTTPResponse {
        let session = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let body = try JSONFields(request, allowed: Self.createFields)
        let proposalID = try body.int("proposalId", in: 1...Int.max).map(Int64.init)
        let title = try body.text("title", TextField.actionTitle)
        let owner = try body.text("owner", TextField.actionOwner) ?? ""
        let ownerID = try body.int("ownerParticipantId", in: 1...Int.max).map(Int64.init)
        let step = try body.text("nextStep", TextField.nextStep) ?? ""
        let due = try Self.due(body) ?? nil
        let (action, event) = try await context.store.write { db -> (FollowUpAction, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try ActionRules.checkClosed(current.phase)
            var actionTitle = title
            if let proposalID {
                guard let proposal = try db.proposals.find(id: proposalID), proposal.workshopID == current.id else {
                    throw APIError.invalid("proposalId", "proposalId is not a proposal of this workshop.", code: "not_found")
                }
                actionTitle = actionTitle ?? proposal.title
            }
            guard let actionTitle else { throw APIError.invalid("title", "title is required for an action without a proposal.", code: "required") }
            try Self.checkOwner(ownerID, workshopID: current.id, db: db)
            let action = try db.actions.create(workshopID: current.id, proposalID: proposalID, title: actionTitle, ownerName: owner,
                                               ownerParticipantID: ownerID, nextStep: step, due: due, by: session.username)
            return (action, try Self.event(current, db: db))
        }
        context.publish([event], workshopID: workshop.id)
        let titles = try context.store.read { db in try Self.titles(workshop, db: db) }
        return .json(.action(action, workshopCode: workshop.code.value, proposalTitle: action.proposalID.flatMap { titles[$0] }), status: .created)
    }

    /// Creates a planned action for every shortlisted proposal that has none yet (the default start of follow-up).
    func fromShortlist(_ request: HTTPRequest) async throws -> HTTPResponse {
        let session = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        try ActionRules.checkClosed(workshop.phase)
        let results = try context.store.read { db in try WorkshopResults.load(workshop, weights: nil, audience: .facilitator, in: db) }
        let shortlist = results.ranking().shortlist.ids
        let (created, event) = try await context.store.write { db -> ([FollowUpAction], LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try ActionRules.checkClosed(current.phase)
            let existing = Set(try db.actions.list(workshopID: current.id).compactMap(\.proposalID))
            var created: [FollowUpAction] = []
            for id in shortlist where !existing.contains(id) {
                guard let proposal = try db.proposals.find(id: id) else { continue }
                created.append(try db.actions.create(workshopID: current.id, proposalID: id, title: proposal.title, ownerName: "",
                                                     ownerParticipantID: nil, nextStep: "", due: nil, by: session.username))
            }
            return (created, try Self.event(current, db: db))
        }
        context.publish([event], workshopID: workshop.id)
        let titles = try context.store.read { db in try Self.titles(workshop, db: db) }
        return .json(["actions": .array(created.map { .action($0, workshopCode: workshop.code.value, proposalTitle: $0.proposalID.flatMap { titles[$0] }) })],
                     status: .created)
    }

    func update(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let (action, workshop) = try self.action(request)
        let body = try JSONFields(request, allowed: ["title", "owner", "ownerParticipantId", "nextStep", "due", "status", "reason"])
        var changes = ActionRepository.Changes()
        changes.title = try body.text("title", TextField.actionTitle)
        changes.ownerName = try body.text("owner", TextField.actionOwner)
        if body.has("ownerParticipantId") {
            changes.ownerParticipantID = body.members["ownerParticipantId"] == .null ? .some(nil) : try body.int("ownerParticipantId", in: 1...Int.max).map(Int64.init)
        }
        changes.nextStep = try body.text("nextStep", TextField.nextStep)
        changes.due = try Self.due(body)
        let reason = try body.text("reason", TextField.dropReason)
        if let name = try body.rawString("status", maxLength: 16) {
            guard let status = ActionStatus(rawValue: name) else {
                throw APIError.invalid("status", "status must be planned, in_progress, done or dropped.", code: "type")
            }
            changes.status = status
        } else if reason != nil {
            changes.status = action.status
        }
        if let status = changes.status { changes.dropReason = try ActionRules.reason(for: status, given: reason, current: action.dropReason) }
        let newChanges = changes
        let (updated, event) = try await context.store.write { db -> (FollowUpAction, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            if case let .some(.some(owner)) = newChanges.ownerParticipantID { try Self.checkOwner(owner, workshopID: current.id, db: db) }
            guard let updated = try db.actions.update(id: action.id, newChanges) else { throw APIError.notFound("Action") }
            return (updated, try Self.event(current, db: db))
        }
        context.publish([event], workshopID: workshop.id)
        let titles = try context.store.read { db in try Self.titles(workshop, db: db) }
        return .json(.action(updated, workshopCode: workshop.code.value, proposalTitle: updated.proposalID.flatMap { titles[$0] }))
    }

    func remove(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let (action, workshop) = try self.action(request)
        let event = try await context.store.write { db -> LiveEvent in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            guard try db.actions.delete(id: action.id) else { throw APIError.notFound("Action") }
            return try Self.event(current, db: db)
        }
        context.publish([event], workshopID: workshop.id)
        return HTTPResponse(status: .noContent)
    }

    func addNote(_ request: HTTPRequest) async throws -> HTTPResponse {
        let session = try context.requireFacilitator(request)
        let (action, workshop) = try self.action(request)
        let body = try JSONFields(request, allowed: ["text", "date"])
        let text = try body.requiredText("text", TextField.progressNote)
        var date = CalendarDate(Date())
        if let raw = try body.rawString("date", maxLength: 10) {
            guard let parsed = CalendarDate(raw) else { throw APIError.invalid("date", "date must be a day as YYYY-MM-DD.", code: "date") }
            date = parsed
        }
        let noteDate = date
        let (note, event) = try await context.store.write { db -> (ActionNote, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id), try db.actions.find(id: action.id) != nil else {
                throw APIError.notFound("Action")
            }
            let note = try db.actions.addNote(actionID: action.id, text: text, date: noteDate, by: session.username)
            return (note, try Self.event(current, db: db))
        }
        context.publish([event], workshopID: workshop.id)
        return .json(.actionNote(note), status: .created)
    }

    /// "What happened to our ideas" across a programme: every workshop's actions and, per goal, how many
    /// actions of each status serve it (through their proposal's goals). Public, like the programme.
    func programme(_ request: HTTPRequest) async throws -> HTTPResponse {
        let id = try request.idParameter()
        let loaded: (Programme, [(Workshop, JSONValue, [FollowUpAction], [Int64: [String]])])? = try context.store.read { db in
            guard let programme = try db.programmes.find(id: id) else { return nil }
            let workshops = try db.workshops.list(programmeID: id).map { workshop in
                let goals = Dictionary(try db.proposals.list(workshopID: workshop.id, includeHidden: true).map { ($0.proposal.id, $0.proposal.goals) },
                                       uniquingKeysWith: { first, _ in first })
                return (workshop, try Self.actionsJSON(workshop, db: db), try db.actions.list(workshopID: workshop.id), goals)
            }
            return (programme, workshops)
        }
        guard let (programme, workshops) = loaded else { throw APIError.notFound("Programme") }
        let perGoal = Self.perGoal(programme.goals, workshops.map { ($0.2, $0.3) })
        return .json(.object([
            ("programme", .object([("id", .integer(programme.id)), ("title", .localized(programme.title))])),
            ("goals", .array(programme.goals.map(JSONValue.goal))),
            ("perGoal", perGoal),
            ("workshops", .array(workshops.map { workshop, actions, _, _ in
                .object([("code", .string(workshop.code.value)), ("theme", .string(workshop.theme)), ("title", .localized(workshop.title)),
                         ("phase", .string(workshop.phase.rawValue)), ("actions", actions)])
            })),
        ]))
    }

    // MARK: helpers

    /// Per goal, how many actions of each status serve it (through their proposal's goals).
    static func perGoal(_ goals: [Goal], _ workshops: [(actions: [FollowUpAction], proposalGoals: [Int64: [String]])]) -> JSONValue {
        var counts: [String: [String: Int]] = [:]
        for goal in goals { counts[goal.key] = [:] }
        for (actions, proposalGoals) in workshops {
            for action in actions {
                for goal in action.proposalID.flatMap({ proposalGoals[$0] }) ?? [] where counts[goal] != nil {
                    counts[goal]?[action.status.rawValue, default: 0] += 1
                }
            }
        }
        return .object(goals.map { goal in
            (goal.key, .object(ActionStatus.allCases.map { ($0.rawValue, .int(counts[goal.key]?[$0.rawValue] ?? 0)) }))
        })
    }

    /// The per-goal counts of a programme, read in the current transaction (for the programme overview).
    static func perGoal(programme: Programme, db: any SQLDatabase) throws -> JSONValue {
        perGoal(programme.goals, try db.workshops.list(programmeID: programme.id).map { workshop in
            (try db.actions.list(workshopID: workshop.id),
             Dictionary(try db.proposals.list(workshopID: workshop.id, includeHidden: true).map { ($0.proposal.id, $0.proposal.goals) },
                        uniquingKeysWith: { first, _ in first }))
        })
    }

    func action(_ request: HTTPRequest) throws -> (FollowUpAction, Workshop) {
        let id = try request.idParameter()
        let found: (FollowUpAction, Workshop)? = try context.store.read { db in
            guard let action = try db.actions.find(id: id), let workshop = try db.workshops.find(id: action.workshopID) else { return nil }
            return (action, workshop)
        }
        guard let found else { throw APIError.notFound("Action") }
        return found
    }

    /// `due`: a `YYYY-MM-DD` day, or null to clear; nil when absent.
    static func due(_ body: JSONFields) throws -> CalendarDate?? {
        guard body.has("due") else { return nil }
        if body.members["due"] == .null { return .some(nil) }
        let raw = try body.rawString("due", maxLength: 10) ?? ""
        if raw.isEmpty { return .some(nil) }
        guard let date = CalendarDate(raw) else { throw APIError.invalid("due", "due must be a day as YYYY-MM-DD.", code: "date") }
        return .some(date)
    }

    /// A participant owner must be a participant of this workshop who offered help in it.
    static func checkOwner(_ id: Int64?, workshopID: Int64, db: any SQLDatabase) throws {
        guard let id else { return }
        guard let participant = try db.participants.find(id: id), participant.workshopID == workshopID,
              try db.offers.count(authorID: id) > 0 else {
            throw APIError.invalid("ownerParticipantId", "ownerParticipantId must be a participant of this workshop who offered help.", code: "owner")
        }
    }

    static func titles(_ workshop: Workshop, db: any SQLDatabase) throws -> [Int64: String] {
        Dictionary(try db.proposals.list(workshopID: workshop.id, includeHidden: true).map { ($0.proposal.id, $0.proposal.title) },
                   uniquingKeysWith: { first, _ in first })
    }

    static func actionsJSON(_ workshop: Workshop, db: any SQLDatabase) throws -> JSONValue {
        let titles = try titles(workshop, db: db)
        return .array(try db.actions.list(workshopID: workshop.id).map {
            .action($0, workshopCode: workshop.code.value, proposalTitle: $0.proposalID.flatMap { titles[$0] })
        })
    }

    /// The `actions` live event: the workshop's whole follow-up, public.
    static func event(_ workshop: Workshop, db: any SQLDatabase) throws -> LiveEvent {
        let data = JSONValue.object([("actions", try actionsJSON(workshop, db: db))])
        return try db.appendLiveEvent(workshopID: workshop.id, kind: "actions", data: (data, data))
    }
}
