import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Merging duplicates (support counts on the kept proposal, each participant once within the cap, by
/// `BallotCounting`; ballots are never rewritten), undoing a merge, and the audit trail of both.
struct ModerationRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.post("/api/proposals/:id/merge", merge)
        routes.post("/api/proposals/:id/unmerge", unmerge)
        routes.get("/api/workshops/:code/merges", merges)
    }

    func merge(_ request: HTTPRequest) async throws -> HTTPResponse {
        let facilitator = try context.requireFacilitator(request)
        let (proposal, workshop) = try context.proposal(request)
        let body = try JSONFields(request, allowed: ["into"])
        let into = Int64(try body.requiredInt("into", in: 1...Int.max))
        guard into != proposal.id else { throw APIError.invalid("into", "A proposal cannot be merged into itself.", code: "same_proposal") }
        let (merged, kept, events) = try await context.store.write { db -> (ProposalView, ProposalView, [LiveEvent]) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            guard current.phase != .closed else { throw DomainError(.phase, code: "phase", "The workshop is closed: proposals can no longer be merged.") }
            guard let target = try db.proposals.find(id: into), target.workshopID == workshop.id else {
                throw APIError.invalid("into", "Proposal \(into) is not in this workshop.", code: "unknown_proposal")
            }
            guard let source = try db.proposals.find(id: proposal.id) else { throw APIError.notFound("Proposal") }
            for candidate in [source, target] {
                if case .merged = candidate.status {
                    throw DomainError(.conflict, code: "merged", "Proposal \(candidate.id) is already merged; undo that merge first.")
                }
            }
            let cap = current.settings.votingMethod == .dots ? current.settings.perProposalCap : 1
            let record = try db.proposals.merge(proposal.id, into: into, by: facilitator.username, cap: cap)
            let mergeData: JSONValue = ["from": .integer(record.from), "into": .integer(record.into), "undone": false]
            let mergeEvent = try db.appendLiveEvent(workshopID: workshop.id, kind: "merge", data: (mergeData, mergeData))
            let (merged, first) = try ProposalRoutes.changed(proposal.id, in: current, db: db)
            let (kept, second) = try ProposalRoutes.changed(into, in: current, db: db)
            return (merged, kept, [mergeEvent, first, second])
        }
        context.publish(events, workshopID: workshop.id)
        context.hub.talliesChanged(workshopID: workshop.id)
        return .json(["merged": merged.json(for: .facilitator), "into": kept.json(for: .facilitator)])
    }

    func unmerge(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let (proposal, workshop) = try context.proposal(request)
        let (restored, events) = try await context.store.write { db -> (ProposalView, [LiveEvent]) in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            guard current.phase != .closed else { throw DomainError(.phase, code: "phase", "The workshop is closed: merges can no longer be undone.") }
            guard let record = try db.proposals.unmerge(proposalID: proposal.id) else {
                throw DomainError(.conflict, code: "not_merged", "Proposal \(proposal.id) is not merged.")
            }
            let mergeData: JSONValue = ["from": .integer(record.from), "into": .integer(record.into), "undone": true]
            let mergeEvent = try db.appendLiveEvent(workshopID: workshop.id, kind: "merge", data: (mergeData, mergeData))
            let (restored, first) = try ProposalRoutes.changed(record.from, in: current, db: db)
            let (_, second) = try ProposalRoutes.changed(record.into, in: current, db: db)
            return (restored, [mergeEvent, first, second])
        }
        context.publish(events, workshopID: workshop.id)
        context.hub.talliesChanged(workshopID: workshop.id)
        return .json(["proposal": restored.json(for: .facilitator)])
    }

    func merges(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let records = try context.store.read { try $0.proposals.merges(workshopID: workshop.id) }
        return .json(["merges": .array(records.map { record in
            .object([
                ("id", .integer(record.id)), ("from", .integer(record.from)), ("into", .integer(record.into)),
                ("by", .string(record.by)), ("at", .date(record.at)), ("undoneAt", .date(record.undoneAt)),
            ])
        })])
    }
}
