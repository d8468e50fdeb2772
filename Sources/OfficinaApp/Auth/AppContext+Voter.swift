import OfficinaCore
import OfficinaHTTP
import OfficinaStore

extension AppContext {
    /// The workshop named by the `:code` path parameter and the participant of it whose cookie the
    /// request carries, found in one read: what each ballot request needs before it writes.
    /// 404 when there is no such workshop, then 403 `not_participant` when the cookie names nobody
    /// in it (as ``workshop(_:)`` followed by ``requireParticipant(_:in:)``).
    func workshopAndParticipant(_ request: HTTPRequest) throws -> (Workshop, Participant) {
        guard let code = JoinCode(try request.parameter("code")) else { throw APIError.notFound("Workshop") }
        // The digest is worked out before a reader is taken, not while holding one.
        let digest = request.cookie(cookies.participantName(code.value)).flatMap(SecureToken.init)?.storageDigest
        let (workshop, participant): (Workshop?, Participant?) = try store.read { db in
            guard let workshop = try db.workshops.find(code: code) else { return (nil, nil) }
            guard let digest else { return (workshop, nil) }
            // A device signed in through a personal return link carries a token of its own.
            let participant = try db.participants.find(tokenHash: digest, workshopID: workshop.id)
                ?? db.returnLinks.participant(deviceTokenHash: digest, workshopID: workshop.id)
            return (workshop, participant)
        }
        guard let workshop else { throw APIError.notFound("Workshop") }
        guard let participant else { throw APIError.notParticipant }
        return (workshop, participant)
    }
}
