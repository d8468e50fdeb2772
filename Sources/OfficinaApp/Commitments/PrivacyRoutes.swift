import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// A participant's own data: everything stored about them (GDPR art. 15 and 20, as JSON), and erasing it
/// (art. 17) while keeping their ballot, anonymous, so the results stay valid.
struct PrivacyRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/me/data", data)
        routes.delete("/api/workshops/:code/me", erase)
    }

    func data(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let code = workshop.code.value
        let body = try context.store.read { db -> JSONValue in
            let proposals = try db.proposals.list(workshopID: workshop.id, includeHidden: true)
            let mine = proposals.filter { $0.proposal.authorID == participant.id }
            let buildOns = proposals.flatMap(\.buildOns).filter { $0.authorID == participant.id }
            let ballot = try db.ballots.get(participantID: participant.id, workshopID: workshop.id)
            let link = try db.returnLinks.current(participantID: participant.id)
            let owned = try db.actions.list(workshopID: workshop.id).filter { $0.ownerParticipantID == participant.id }
            return .object([
                ("participant", .object([("id", .integer(participant.id)), ("name", .string(participant.name)),
                                         ("workshop", .string(code)), ("joinedAt", .date(participant.joinedAt))])),
                ("proposals", .array(mine.map { .object([("id", .integer($0.proposal.id)), ("title", .string($0.proposal.title)),
                                                          ("body", .string($0.proposal.body)), ("createdAt", .date($0.proposal.createdAt))]) })),
                ("buildOns", .array(buildOns.map { .object([("proposalId", .integer($0.proposalID)), ("text", .string($0.text)),
                                                             ("createdAt", .date($0.createdAt))]) })),
                ("ballot", ballot.map { ballot in
                    .object([
                        ("support", .object(ballot.support.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) })),
                        ("ratings", .object(ballot.ratings.sorted { $0.key < $1.key }.map { id, goals in
                            (String(id), .object(goals.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
                        })),
                    ])
                } ?? .null),
                ("offers", .array(try db.offers.list(authorID: participant.id).map {
                    .offer($0, workshopCode: code, withAuthor: false, withContact: true, mine: true)
                })),
                ("actionsOwned", .array(owned.map { .object([("id", .integer($0.id)), ("title", .string($0.title))]) })),
                ("returnLink", link.map { .object([("issuedAt", .date($0.at)), ("by", .string($0.by))]) } ?? .null),
                ("devices", .int(try db.returnLinks.deviceCount(participantID: participant.id))),
                ("cookie", .string("\(context.cookies.participantName(code)): a random token; the server keeps only its SHA-256")),
            ])
        }
        var response = HTTPResponse.json(body)
        response.headers["Content-Disposition"] = "attachment; filename=\"officina-my-data-\(code).json\""
        return response
    }

    func erase(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let event = try await context.store.write { db -> LiveEvent in
            guard let current = try db.workshops.find(id: workshop.id) else { throw APIError.notFound("Workshop") }
            try db.participants.erase(id: participant.id, replacementTokenHash: SecureToken.generate().storageDigest)
            return try OfferRoutes.summaryEvent(current, db: db)
        }
        context.publish([event], workshopID: workshop.id)
        context.hub.talliesChanged(workshopID: workshop.id)
        return HTTPResponse(status: .noContent).settingCookie(context.cookies.clearCookie(context.cookies.participantName(workshop.code.value)))
    }
}
