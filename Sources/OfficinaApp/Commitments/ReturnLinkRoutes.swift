import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Personal return links: a participant (or a facilitator for them) gets `…/back#TOKEN` and its QR code;
/// opening it on another device signs that device in as the same participant. The token travels in the
/// URL fragment, which browsers never send, so it appears in no request line or access log.
struct ReturnLinkRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/return-link", status)
        routes.post("/api/workshops/:code/return-link", issue)
        routes.delete("/api/workshops/:code/return-link", revoke)
        routes.post("/api/participants/:id/return-link", reissue)
        routes.post("/api/return", use)
        routes.get("/api/workshops/:code/participants", participants)
    }

    /// The workshop's participants with the state of their return link, for the console.
    func participants(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let rows = try context.store.read { db in
            try db.participants.list(workshopID: workshop.id).map { participant -> JSONValue in
                let link = try db.returnLinks.current(participantID: participant.id)
                return .object([
                    ("id", .integer(participant.id)), ("name", .string(participant.name)), ("joinedAt", .date(participant.joinedAt)),
                    ("returnLink", .object([("active", .bool(link != nil)), ("issuedAt", .date(link?.at)), ("by", link.map { .string($0.by) } ?? .null)])),
                ])
            }
        }
        return .json(["participants": .array(rows)])
    }

    func status(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        let current = try context.store.read { db in try db.returnLinks.current(participantID: participant.id) }
        return .json(["active": .bool(current != nil), "issuedAt": .date(current?.at)])
    }

    func issue(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        return try await newLink(for: participant, by: "participant", request: request)
    }

    func revoke(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let participant = try context.requireParticipant(request, in: workshop)
        _ = try await context.store.write { db in try db.returnLinks.revoke(participantID: participant.id) }
        return HTTPResponse(status: .noContent)
    }

    /// A facilitator reissues a participant's link (a lost phone): the old link and its devices stop working.
    func reissue(_ request: HTTPRequest) async throws -> HTTPResponse {
        let session = try context.requireFacilitator(request)
        let id = try request.idParameter()
        guard let participant = try context.store.read({ db in try db.participants.find(id: id) }) else {
            throw APIError.notFound("Participant")
        }
        return try await newLink(for: participant, by: session.username, request: request)
    }

    func use(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let wait = context.joinLimiter.take(context.clientKey(request)) {
            throw APIError.tooMany("Too many attempts from this address; wait a little.", retryAfter: wait)
        }
        let body = try JSONFields(request, allowed: ["token"])
        let token = try body.requiredRawString("token", maxLength: 128)
        let device = SecureToken.generate()
        let found: (Participant, Workshop)? = try await context.store.write { db in
            guard let participant = try db.returnLinks.use(tokenHash: SecureToken.storageDigest(of: token), deviceTokenHash: device.storageDigest),
                  let workshop = try db.workshops.find(id: participant.workshopID) else { return nil }
            return (participant, workshop)
        }
        guard let (participant, workshop) = found else {
            throw APIError(.notFound, code: "return_link", "This return link is not valid: it was revoked or replaced.", field: "token")
        }
        let cookie = context.cookies.setCookie(context.cookies.participantName(workshop.code.value), device.value,
                                               maxAge: Int(context.configuration.participantLifetime))
        return HTTPResponse.json(["code": .string(workshop.code.value), "participant": .person(id: participant.id, name: participant.name)])
            .settingCookie(cookie)
    }

    func newLink(for participant: Participant, by: String, request: HTTPRequest) async throws -> HTTPResponse {
        let token = SecureToken.generate()
        _ = try await context.store.write { db in try db.returnLinks.issue(participantID: participant.id, tokenHash: token.storageDigest, by: by) }
        let url = "\(context.baseURL(for: request))/back#\(token.value)"
        let code = try QRCode(encoding: url)
        // The QR code as rows of 0/1, drawn by the page as SVG (no markup from the server).
        let rows = (0..<code.size).map { y in String((0..<code.size).map { x in code[x, y] ? "1" : "0" }) }
        return .json(.object([
            ("participant", .person(id: participant.id, name: participant.name)),
            ("url", .string(url)),
            ("qr", .object([("size", .int(code.size)), ("rows", .array(rows.map { .string($0) }))])),
        ]), status: .created)
    }
}
