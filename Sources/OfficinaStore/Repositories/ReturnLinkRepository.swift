import Foundation
import OfficinaCore

/// Personal return links: a participant opens their identity on another device with one. A link is
/// reusable until it is revoked or reissued; each use signs in one more device (its own cookie token).
public struct ReturnLinkRepository {
    let db: any SQLDatabase

    /// Issues (or reissues) the participant's link: the previous one stops working, and so do the
    /// devices signed in through it. `by` is `participant` or the facilitator's username.
    public func issue(participantID: Int64, tokenHash: String, by: String, at now: Date = Date()) throws {
        try revoke(participantID: participantID)
        try db.execute("""
            INSERT INTO return_links (participant_id, token_hash, created_by, created_at) VALUES (?, ?, ?, ?)
            """, [participantID, tokenHash, by, now.asStored])
    }

    /// Revokes the link and signs out the devices opened with it; true when there was a link.
    @discardableResult
    public func revoke(participantID: Int64) throws -> Bool {
        try db.execute("DELETE FROM participant_devices WHERE participant_id = ?", [participantID])
        try db.execute("DELETE FROM return_links WHERE participant_id = ?", [participantID])
        return db.changes > 0
    }

    /// When the participant's current link was issued and by whom, or nil.
    public func current(participantID: Int64) throws -> (by: String, at: Date)? {
        try db.queryOne("SELECT created_by, created_at FROM return_links WHERE participant_id = ?", [participantID]) {
            (by: $0.text(0), at: $0.date(1))
        }
    }

    /// Uses a link: the participant it belongs to, with a new device token stored for them; nil for an
    /// unknown or revoked link.
    public func use(tokenHash: String, deviceTokenHash: String, at now: Date = Date()) throws -> Participant? {
        guard let id = try db.queryOne("SELECT participant_id FROM return_links WHERE token_hash = ?", [tokenHash], { $0.int64(0) }),
              let participant = try db.participants.find(id: id) else { return nil }
        try db.execute("INSERT INTO participant_devices (token_hash, participant_id, created_at) VALUES (?, ?, ?)",
                       [deviceTokenHash, id, now.asStored])
        return participant
    }

    /// The participant of `workshopID` a device token opened, or nil.
    public func participant(deviceTokenHash: String, workshopID: Int64) throws -> Participant? {
        guard let id = try db.queryOne("""
            SELECT d.participant_id FROM participant_devices d JOIN participants p ON p.id = d.participant_id
            WHERE d.token_hash = ? AND p.workshop_id = ?
            """, [deviceTokenHash, workshopID], { $0.int64(0) }) else { return nil }
        return try db.participants.find(id: id)
    }

    /// How many extra devices a participant signed in on.
    public func deviceCount(participantID: Int64) throws -> Int {
        try db.queryOne("SELECT count(*) FROM participant_devices WHERE participant_id = ?", [participantID]) { $0.int(0) } ?? 0
    }
}

extension SQLDatabase {
    /// Personal return links (see ``ReturnLinkRepository``).
    public var returnLinks: ReturnLinkRepository { ReturnLinkRepository(db: self) }
}
