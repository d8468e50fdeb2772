import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// `/api/me`, `/api/setup` and `/api/session`: who is calling, first-run setup, login, logout.
struct IdentityRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/me", me)
        routes.post("/api/setup", setup)
        routes.post("/api/session", login)
        routes.delete("/api/session", logout)
    }

    func me(_ request: HTTPRequest) async throws -> HTTPResponse {
        let facilitator = try context.facilitator(of: request)
        var participant: Participant?
        if let code = request.queryItems["code"], let joinCode = JoinCode(code),
           let workshop = try context.store.read({ try $0.workshops.find(code: joinCode) }) {
            participant = try context.participant(of: request, in: workshop)
        }
        return .json([
            "facilitator": facilitator.map { .object([("username", .string($0.username))]) } ?? .null,
            "participant": participant.map { JSONValue.person(id: $0.id, name: $0.name) } ?? .null,
        ])
    }

    func setup(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try JSONFields(request, allowed: ["token", "username", "password"])
        let token = try body.requiredRawString("token", maxLength: 128)
        let username = try body.requiredText("username", Self.username)
        let password = try body.requiredRawString("password", maxLength: PasswordPolicy.lengths.upperBound)
        try PasswordPolicy.validate(password)
        // Reserved before the costly hash, so a burst of guesses at the token costs one allowance.
        let reservation = try Self.granted(context.loginThrottle.reserveSetup(client: context.clientKey(request)))
        let hash = try await context.passwords.hash(password)
        let digest = SecureToken.storageDigest(of: token)
        let account: FacilitatorAccount? = try await context.store.write { db in
            guard try db.facilitators.count() == 0, try db.setupTokens.consume(tokenHash: digest) else { return nil }
            // The link is spent: no other token may create a second first account.
            try db.setupTokens.revokeAll()
            return try db.facilitators.create(username: username, passwordHash: hash)
        }
        guard let account else {
            throw APIError(.forbidden, code: "setup", "This setup link is invalid, used or expired, or a facilitator already exists.")
        }
        context.loginThrottle.release(reservation)
        let cookie = try await context.startSession(facilitatorID: account.id)
        let device = try await context.rememberDevice(facilitatorID: account.id)
        return HTTPResponse.json(["facilitator": ["username": .string(account.username)]], status: .created)
            .settingCookie(cookie).settingCookie(device)
    }

    func login(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try JSONFields(request, allowed: ["username", "password"])
        let username = try body.requiredText("username", Self.username)
        let password = try body.requiredRawString("password", maxLength: PasswordPolicy.lengths.upperBound)
        let account = try context.store.read { try $0.facilitators.find(username: username) }
        let device = try context.device(of: request, facilitatorID: account?.id)
        // Reserve first, verify after: concurrent attempts cannot all slip past the limit.
        let reservation = try Self.granted(context.loginThrottle.reserveLogin(
            client: context.clientKey(request), username: username, device: device))
        guard try await context.passwords.verify(password, against: account?.passwordHash), let account else {
            throw APIError(.unauthorized, code: "credentials", "Wrong username or password.")
        }
        context.loginThrottle.release(reservation)
        try await upgradeHashIfWeak(account, password: password)
        let cookie = try await context.startSession(facilitatorID: account.id)
        var response = HTTPResponse.json(["facilitator": ["username": .string(account.username)]]).settingCookie(cookie)
        if device == nil { response = response.settingCookie(try await context.rememberDevice(facilitatorID: account.id)) }
        return response
    }

    /// The reservation, or 429 with `Retry-After`.
    static func granted(_ result: Result<LoginThrottle.Reservation, LoginThrottle.Wait>) throws -> LoginThrottle.Reservation {
        switch result {
        case let .success(reservation): return reservation
        case let .failure(wait): throw APIError.tooMany("Too many failed attempts; wait a little.", retryAfter: wait.seconds)
        }
    }

    /// After a successful login, replaces a hash made with fewer iterations than configured now,
    /// so raising `--pbkdf2-iterations` needs no migration.
    func upgradeHashIfWeak(_ account: FacilitatorAccount, password: String) async throws {
        guard let stored = try? PasswordHash(parsing: account.passwordHash),
              stored.needsRehash(iterations: context.configuration.pbkdf2Iterations) else { return }
        let stronger = try await context.passwords.hash(password)
        _ = try await context.store.write { try $0.facilitators.setPasswordHash(stronger, facilitatorID: account.id) }
    }

    func logout(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let value = request.cookies[context.cookies.sessionName], let token = SecureToken(value) {
            _ = try await context.store.write { try $0.sessions.delete(tokenHash: token.storageDigest) }
            // The session's live streams carry facilitator data: they end with it.
            context.hub.endSession(token.storageDigest)
        }
        return HTTPResponse(status: .noContent).settingCookie(context.cookies.clearCookie(context.cookies.sessionName))
    }

    /// A facilitator's username: 1–64 characters on one line.
    static let username = TextField(field: "username", lengths: 1...64, multiline: false)
}
