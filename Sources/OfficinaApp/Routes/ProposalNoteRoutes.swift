import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// An author withdraws their own idea while collecting: it is hidden from everyone else and marked
/// as withdrawn (the facilitator's hide-with-a-reason goes through `PATCH /api/proposals/{id}`).
struct ProposalNoteRoutes {
    let context: AppContext

    /// The facilitator's reason for hiding an idea, shown to its author: up to 300 characters.
    static let reason = TextField(field: "reason", lengths: 0...300, multiline: false)

    func register(_ routes: inout RouteTable) {
        routes.post("/api/proposals/:id/withdraw", withdraw)
    }

    func withdraw(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (proposal, workshop) = try context.proposal(request)
        let participant = try context.requireParticipant(request, in: workshop)
        guard participant.id == proposal.authorID else {
            throw APIError(.forbidden, code: "forbidden", "Only the author may withdraw this proposal.")
        }
        let (view, event) = try await context.store.write { db -> (ProposalView, LiveEvent) in
            guard let current = try db.workshops.find(id: workshop.id), let stored = try db.proposals.find(id: proposal.id) else {
                throw APIError.notFound("Proposal")
            }
            try PhaseRules.check(.editOwnProposal, phase: current.phase, deadline: current.deadline)
            guard stored.status == .visible else {
                throw DomainError(.conflict, code: "not_visible", "This proposal is \(stored.status.name); it cannot be withdrawn.")
            }
            _ = try db.proposals.setStatus(id: proposal.id, .hidden)
            try db.proposalNotes.set(proposalID: proposal.id, ProposalNote(withdrawn: true))
            return try ProposalRoutes.changed(proposal.id, in: current, db: db)
        }
        context.publish([event], workshopID: workshop.id)
        context.hub.talliesChanged(workshopID: workshop.id)
        return .json(view.json(for: Viewer(isFacilitator: false, participantID: participant.id)))
    }
}
