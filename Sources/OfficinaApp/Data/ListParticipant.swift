import OfficinaCore
import OfficinaStore

/// The holder of a participant cookie as a proposal list needs them: who they are and which
/// proposals their ballot already supports or rates (those go last in a balanced order). Kept per
/// cookie in a `GenerationCache`, so a phone reloading the list between two writes costs no read.
struct ListParticipant: Sendable {
    /// A workshop's cookie value as presented (only ones that named a participant are kept).
    struct Key: Hashable, Sendable {
        let workshopID: Int64
        let cookie: String
    }

    let id: Int64
    let seen: Set<Int64>

    /// Reads it, or nil when `token` names nobody in the workshop. The ballot is read only when
    /// `withBallot` (the order can be balanced).
    static func load(token: SecureToken, workshopID: Int64, withBallot: Bool, in db: any SQLDatabase) throws -> ListParticipant? {
        guard let participant = try db.participant(presenting: token, workshopID: workshopID) else { return nil }
        var seen: Set<Int64> = []
        if withBallot, let ballot = try db.ballots.get(participantID: participant.id, workshopID: workshopID) {
            seen.formUnion(ballot.support.filter { $0.value > 0 }.keys)
            seen.formUnion(ballot.ratings.filter { !$0.value.isEmpty }.keys)
        }
        return ListParticipant(id: participant.id, seen: seen)
    }
}
