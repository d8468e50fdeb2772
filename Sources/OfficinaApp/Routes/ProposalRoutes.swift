import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Proposals and build-ons: list, add and edit while collecting; facilitators hide and unhide.
struct ProposalRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/proposals", list)
        routes.post("/api/workshops/:code/proposals", create)
        routes.patch("/api/proposals/:id", update)
        routes.post("/api/proposals/:id/buildons", buildOn)
    }

    static let allowed: Set<String> = ["title", "body", "goals"]

    func create(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let body = try JSONFields(request, allowed: Self.allowed)
        let title = try body.requiredText("title", TextField.proposalTitle)
        let text = try body.text("body", TextField.proposalBody) ?? ""
        let goals = try body.strings("goals", maxCount: 12) { value, _ in value } ?? []
        let (view, event) = try await context.store.write { db -> (ProposalView, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try PhaseRules.check(.addProposal, phase: current.phase, deadline: current.deadline)
            try QuotaRules.checkProposal(
                authored: try db.quotas.proposals(authorID: participant.id), total: try db.quotas.proposals(workshopID: workshop.id),
                settings: current.settings)
            let known = Set(try db.workshops.goals(workshopID: workshop.id).map(\.key))
            let selected = try GoalKeys.selection(goals, known: known)
            let proposal = try db.proposals.create(workshopID: workshop.id, authorID: participant.id, title: title, body: text, goals: selected)
            return try Self.changed(proposal.id, in: current, db: db)
        }
        context.publish([event], workshopID: workshop.id)
        return .json(view.json(for: Viewer(isFacilitator: false, participantID: participant.id)), status: .created)
    }

    func update(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (proposal, workshop) = try context.proposal(request)
        let facilitator = try context.facilitator(of: request)
        let participant = facilitator == nil ? try context.participant(of: request, in: workshop) : nil
        if facilitator == nil {
            guard let participant else { throw APIError.notParticipant }
            guard participant.id == proposal.authorID else {
                throw APIError(.forbidden, code: "forbidden", "Only the author or a facilitator may edit this proposal.")
            }
        }
        let body = try JSONFields(request, allowed: Self.allowed.union(["status", "reason"]))
        let title = try body.text("title", TextField.proposalTitle)
        let text = try body.text("body", TextField.proposalBody)
        let goals = try body.strings("goals", maxCount: 12) { value, _ in value }
        var status: ProposalStatus?
        if let name = try body.rawString("status", maxLength: 16) {
            guard facilitator != nil else { throw APIError(.forbidden, code: "forbidden", "Only a facilitator may hide or show a proposal.", field: "status") }
            switch name {
            case "hidden": status = .hidden
            case "visible": status = .visible
            default: throw APIError.invalid("status", "status must be hidden or visible.", code: "type")
            }
        }
        let reason = try body.text("reason", ProposalNoteRoutes.reason).flatMap { $0.isEmpty ? nil : $0 }
        if reason != nil, status != .hidden {
            throw APIError.invalid("reason", "A reason goes with hiding a proposal (status hidden).", code: "type")
        }
        let newStatus = status
        let isFacilitator = facilitator != nil
        let (view, event) = try await context.store.write { db -> (ProposalView, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id), let stored = try db.proposals.find(id: proposal.id) else {
                throw APIError.notFound("Proposal")
            }
            if isFacilitator {
                guard current.phase != .closed else { throw DomainError(.phase, code: "phase", "The workshop is closed: proposals can no longer change.") }
            } else {
                try PhaseRules.check(.editOwnProposal, phase: current.phase, deadline: current.deadline)
            }
            if case .merged = stored.status, title != nil || text != nil || goals != nil || newStatus != nil {
                throw DomainError(.conflict, code: "merged", "This proposal was merged; undo the merge to change it.")
            }
            let selected = try goals.map { try GoalKeys.selection($0, known: Set(try db.workshops.goals(workshopID: workshop.id).map(\.key))) }
            if let author = participant, title != nil || text != nil || selected != nil {
                try Self.countEdit(by: author.id, settings: current.settings, db: db)
            }
            if title != nil || text != nil || selected != nil {
                _ = try db.proposals.update(id: proposal.id, title: title, body: text, goals: selected)
            }
            if let newStatus {
                _ = try db.proposals.setStatus(id: proposal.id, newStatus)
                // Hiding records the facilitator's reason; showing again clears any note.
                try db.proposalNotes.set(proposalID: proposal.id, ProposalNote(hiddenReason: newStatus == .hidden ? reason : nil))
            }
            return try Self.changed(proposal.id, in: current, db: db)
        }
        context.publish([event], workshopID: workshop.id)
        if status != nil { context.hub.talliesChanged(workshopID: workshop.id) }
        return .json(view.json(for: Viewer(isFacilitator: isFacilitator, participantID: participant?.id)))
    }

    func buildOn(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (proposal, workshop) = try context.proposal(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let body = try JSONFields(request, allowed: ["text"])
        let text = try body.requiredText("text", TextField.buildOnText)
        let (buildOn, view, event) = try await context.store.write { db -> (BuildOn, ProposalView, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id), let stored = try db.proposals.find(id: proposal.id) else {
                throw APIError.notFound("Proposal")
            }
            try PhaseRules.check(.buildOn, phase: current.phase, deadline: current.deadline)
            guard stored.status == .visible else {
                throw DomainError(.conflict, code: "not_visible", "This proposal is \(stored.status.name); it cannot be built on.")
            }
            try QuotaRules.checkBuildOn(authored: try db.quotas.buildOns(authorID: participant.id), settings: current.settings)
            let buildOn = try db.buildOns.add(proposalID: proposal.id, authorID: participant.id, text: text)
            let (view, event) = try Self.changed(proposal.id, in: current, db: db)
            return (buildOn, view, event)
        }
        context.publish([event], workshopID: workshop.id)
        let viewer = Viewer(isFacilitator: false, participantID: participant.id)
        return .json(ProposalView.buildOn(buildOn, settings: view.settings, viewer: viewer), status: .created)
    }

    /// Counts one proposal edit by a participant against the workshop's edits per minute; over it,
    /// 429 `edit_rate` with the seconds until the oldest edit in the window leaves it.
    static func countEdit(by participantID: Int64, settings: WorkshopSettings, db: any SQLDatabase) throws {
        let now = Date()
        let recent = try db.quotas.recentEdits(participantID: participantID, since: now.addingTimeInterval(-QuotaRules.editWindow))
        if let wait = QuotaRules.editWait(recent: recent, now: now, settings: settings) {
            throw APIError(.tooManyRequests, code: "edit_rate",
                           "At most \(settings.editsPerMinute) edits a minute; try again in \(wait) seconds.", retryAfter: wait)
        }
        try db.quotas.recordEdit(participantID: participantID, at: now)
    }

    /// The proposal's view after a change, and the `proposal` event announcing it.
    static func changed(_ id: Int64, in workshop: Workshop, db: any SQLDatabase) throws -> (ProposalView, LiveEvent) {
        guard let thread = try db.proposals.thread(id: id) else { throw APIError.notFound("Proposal") }
        let tally = try db.countedTallies(workshop)[id]
        let view = ProposalView(thread: thread, workshopCode: workshop.code.value, settings: workshop.settings, phase: workshop.phase,
                                tally: tally, note: try db.proposalNotes.find(proposalID: id))
        return (view, try db.appendLiveEvent(workshopID: workshop.id, kind: "proposal", data: view.event))
    }
}
