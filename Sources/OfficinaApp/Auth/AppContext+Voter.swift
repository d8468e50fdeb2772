import OfficinaCore
import OfficinaHTTP
import OfficinaStore

extension AppContext {
    /// The workshop named by the `:code` path parameter and the participant of it whose cookie the
    /// request carries, found in one read: what each ballot request needs before it writes.
    /// 404 when there is no such workshop, then 403 `not_participant` when the cookie names nobody
    /// in it (as ``workshop(_:)`` followed by ``requireParticipant(_:in:)``).
    ///
    /// A pair found is kept under the store's `contentGeneration` (``AppContext/voters``): a storm of
    /// ballots does not move it, so a voter's next ballot skips the read (on PostgreSQL a round trip
    /// to a reader), while any change of a workshop, a participant or a device link, on any
    /// instance, drops the pairs. What a ballot is checked against is read again inside its write.
    func workshopAndParticipant(_ request: HTTPRequest) throws -> (Workshop, Participant) {
        guard let code = JoinCode(try request.parameter("code")) else { throw APIError.notFound("Workshop") }
        let cookie = request.cookie(cookies.participantName(code.value))
        let generation = store.contentGeneration
        let key = cookie.map { VoterKey(code: code.value, cookie: $0) }
        if let key, let known = voters.value(for: key, generation: generation) {
            return (known.workshop, known.participant)
        }
        // The digest is worked out before a reader is taken, not while holding one.
        let digest = cookie.flatMap(SecureToken.init)?.storageDigest
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
        if let key {
            voters.store(KnownVoter(workshop: workshop, participant: participant), for: key, generation: generation)
        }
        return (workshop, participant)
    }
}

/// A participant cookie presented for a workshop code (``AppContext/voters``).
struct VoterKey: Hashable, Sendable {
    let code: String
    let cookie: String
}

/// The workshop and participant a ``VoterKey`` was found to name.
struct KnownVoter: Sendable {
    let workshop: Workshop
    let participant: Participant
}
