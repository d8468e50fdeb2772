import Foundation
import OfficinaCore
import OfficinaStore

/// Who may read a workshop's results, as ``ResultRoutes`` decided it: the workshop (its phase says
/// whether results are published) and whether the caller is served as a facilitator.
///
/// Deciding it costs two store reads (the workshop by code, the facilitator's session); a projector
/// or a room of phones polling a cached ranking paid them on every request, about as much as sending
/// the answer. It is kept in a ``ResultAccessCache`` while no write has committed (a phase change,
/// a sign-out, a workshop edit all count as writes) and until the session it rests on expires.
struct ResultAccess: Sendable {
    let workshop: Workshop
    let facilitator: Bool
    /// When the facilitator session this decision rests on runs out; nil when it rests on none.
    let validUntil: Date?

    /// Whether the decision still holds at `now` (the generation is checked by the cache).
    func holds(at now: Date) -> Bool {
        validUntil.map { now < $0 } ?? true
    }
}

/// What one access decision depends on besides the store's content.
struct ResultAccessKey: Hashable, Sendable {
    let code: String
    /// The facilitator cookie as presented, or nil. Kept as it came: parsing and hashing it (as the
    /// session look-up does on a miss) cost more than the rest of a cached ranking. It lives only in
    /// this process's memory, like the request it came with, and any write makes its entry stale.
    let sessionCookie: String?
    /// `?audience=public`: served as anyone whatever the cookies.
    let publicAudience: Bool
}

/// Access decisions by store generation (see ``GenerationCache``).
typealias ResultAccessCache = GenerationCache<ResultAccessKey, ResultAccess>
