import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Who sent a request: the facilitator of a valid session cookie, and the participant of a
/// workshop's cookie. Cookies hold 256-bit tokens; the store keeps only their SHA-256.
extension AppContext {
    /// The signed-in facilitator, or nil (no cookie, unknown or expired session).
    func facilitator(of request: HTTPRequest) throws -> FacilitatorSession? {
        guard let value = request.cookie(cookies.sessionName), let token = SecureToken(value) else { return nil }
        return try store.read { try $0.sessions.findValid(tokenHash: token.storageDigest) }
    }

    /// The signed-in facilitator; 401 `unauthenticated` otherwise.
    func requireFacilitator(_ request: HTTPRequest) throws -> FacilitatorSession {
        guard let session = try facilitator(of: request) else { throw APIError.unauthenticated }
        return session
    }

    /// The participant of `workshop` whose cookie the request carries, or nil.
    func participant(of request: HTTPRequest, in workshop: Workshop) throws -> Participant? {
        guard let value = request.cookie(cookies.participantName(workshop.code.value)), let token = SecureToken(value) else {
            return nil
        }
        return try store.read { try $0.participant(presenting: token, workshopID: workshop.id) }
    }

    /// The participant of `workshop`; 403 `not_participant` otherwise.
    func requireParticipant(_ request: HTTPRequest, in workshop: Workshop) throws -> Participant {
        guard let participant = try participant(of: request, in: workshop) else { throw APIError.notParticipant }
        return participant
    }

    /// The viewer a request stands for in `workshop`: its cookies, unless it asks to be served as
    /// the public (`?audience=public`, the projector; see `Viewer.requested(by:)`).
    func viewer(of request: HTTPRequest, in workshop: Workshop) throws -> Viewer {
        if let requested = Viewer.requested(by: request) { return requested }
        return Viewer(isFacilitator: try facilitator(of: request) != nil, participantID: try participant(of: request, in: workshop)?.id)
    }

    /// Starts a facilitator session and returns the `Set-Cookie` value.
    func startSession(facilitatorID: Int64) async throws -> String {
        let token = SecureToken.generate()
        let expires = Date().addingTimeInterval(configuration.sessionLifetime)
        _ = try await store.write { db in
            _ = try db.sessions.deleteExpired()
            return try db.sessions.create(tokenHash: token.storageDigest, facilitatorID: facilitatorID, expiresAt: expires)
        }
        return cookies.setCookie(cookies.sessionName, token.value, maxAge: Int(configuration.sessionLifetime))
    }

    /// The digest of the request's device cookie when it belongs to `facilitatorID`, else nil.
    func device(of request: HTTPRequest, facilitatorID: Int64?) throws -> String? {
        guard let facilitatorID, let value = request.cookie(cookies.deviceName), let token = SecureToken(value) else { return nil }
        let owner = try store.read { try $0.loginDevices.facilitator(tokenHash: token.storageDigest) }
        return owner == facilitatorID ? token.storageDigest : nil
    }

    /// Marks this browser as one `facilitatorID` signed in from and returns the `Set-Cookie` value.
    func rememberDevice(facilitatorID: Int64) async throws -> String {
        let token = SecureToken.generate()
        let expires = Date().addingTimeInterval(configuration.deviceLifetime)
        try await store.write { try $0.loginDevices.create(tokenHash: token.storageDigest, facilitatorID: facilitatorID, expiresAt: expires) }
        return cookies.setCookie(cookies.deviceName, token.value, maxAge: Int(configuration.deviceLifetime))
    }

    /// The client's address, the key of the rate limiters: behind a `--trusted-proxy`, the address
    /// it forwarded for; an IPv6 client by its /64.
    func clientKey(_ request: HTTPRequest) -> String { clientAddresses.key(for: request) }
}

extension SQLDatabase {
    /// The participant of the workshop whose cookie holds `token`, or nil.
    func participant(presenting token: SecureToken, workshopID: Int64) throws -> Participant? {
        // A device signed in through a personal return link carries a token of its own.
        try participants.find(tokenHash: token.storageDigest, workshopID: workshopID)
            ?? returnLinks.participant(deviceTokenHash: token.storageDigest, workshopID: workshopID)
    }
}
