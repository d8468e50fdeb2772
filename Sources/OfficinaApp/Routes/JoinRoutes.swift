import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Joining a workshop as a participant, and the single-use access codes that can gate it.
struct JoinRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.post("/api/join", join)
        routes.post("/api/workshops/:code/access-codes", generateCodes)
        routes.get("/api/workshops/:code/access-codes/tickets", tickets)
    }

    func join(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let wait = context.joinLimiter.take(context.clientKey(request)) {
            throw APIError.tooMany("Too many joins from this address; wait a little.", retryAfter: wait)
        }
        let body = try JSONFields(request, allowed: ["code", "name", "accessCode", "group"])
        let code = try body.requiredRawString("code", maxLength: 64)
        let name = try body.requiredText("name", TextField.displayName)
        let accessCode = try body.rawString("accessCode", maxLength: 64)?.trimmingCharacters(in: .whitespaces).uppercased()
        guard let joinCode = JoinCode(code), let workshop = try context.store.read({ try $0.workshops.find(code: joinCode) }) else {
            throw APIError(.notFound, code: "not_found", "No workshop has the code \(code.prefix(12)).", field: "code")
        }
        guard workshop.phase != .closed else {
            throw DomainError(.phase, code: "phase", "The workshop is closed: joining is no longer possible.")
        }
        // A draft is still being prepared: nobody may join it (and pre-fill it with participants) yet.
        guard workshop.phase != .draft else {
            throw DomainError(.phase, code: "phase", "The workshop has not opened yet: joining starts when it collects ideas.")
        }
        let base = context.baseURL(for: request)
        if let existing = try context.participant(of: request, in: workshop) {
            let state = try context.store.read { try WorkshopState.load(workshop, in: $0) }
            return .json(Self.joined(existing, state, base))
        }
        if workshop.settings.requireAccessCode, accessCode?.isEmpty ?? true {
            throw APIError(.forbidden, code: "access_code", "This workshop needs an access code from your ticket.", field: "accessCode")
        }
        let group = try Self.declaredGroup(body, workshop: workshop, in: context)
        let token = SecureToken.generate()
        let required = workshop.settings.requireAccessCode
        let (participant, state) = try await context.store.write { db -> (Participant, WorkshopState) in
            let participant = try db.participants.create(
                workshopID: workshop.id, name: name, tokenHash: token.storageDigest, accessCode: required ? accessCode : nil)
            if let group { try db.participantGroups.setGroup(group, participantID: participant.id) }
            if required, let accessCode {
                guard try db.accessCodes.consume(code: accessCode, workshopID: workshop.id, participantID: participant.id) else {
                    throw APIError(.forbidden, code: "access_code", "This access code is not valid here or was already used.", field: "accessCode")
                }
            }
            return (participant, try WorkshopState.load(workshop, in: db))
        }
        context.hub.talliesChanged(workshopID: workshop.id)
        let cookie = context.cookies.setCookie(
            context.cookies.participantName(workshop.code.value), token.value, maxAge: Int(context.configuration.participantLifetime))
        return HTTPResponse.json(Self.joined(participant, state, base), status: .created).settingCookie(cookie)
    }

    static func joined(_ participant: Participant, _ state: WorkshopState, _ base: String) -> JSONValue {
        ["participant": .person(id: participant.id, name: participant.name), "workshop": state.json(baseURL: base)]
    }

    func generateCodes(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let body = try JSONFields(request, allowed: ["count"])
        let count = try body.requiredInt("count", in: 1...500)
        let codes = try await context.store.write { try $0.accessCodes.generate(count: count, workshopID: workshop.id) }
        return .json(["codes": .array(codes.map { .string($0) })], status: .created)
    }

    func tickets(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let codes = try context.store.read { try $0.accessCodes.unused(workshopID: workshop.id) }
        let page = TicketSheet(workshop: workshop, codes: codes, joinURL: context.joinURL(code: workshop.code.value, request: request))
        var response = HTTPResponse(status: .ok, contentType: "text/html; charset=utf-8", text: page.html)
        response.headers["Content-Security-Policy"] = TicketSheet.contentSecurityPolicy
        return response
    }
}
