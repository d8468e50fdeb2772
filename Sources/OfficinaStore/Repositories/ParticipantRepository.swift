import Foundation
import OfficinaCore

/// Participants of one workshop each, found by the hash of their cookie token.
public struct ParticipantRepository {
    let db: any SQLDatabase

    /// Adds a participant. A token hash already in use violates a constraint.
    /// Consume an access code in the same write (``AccessCodeRepository/consume(code:workshopID:participantID:at:)``)
    /// when the workshop requires one.
    public func create(
        workshopID: Int64, name: String, tokenHash: String, accessCode: String? = nil, at now: Date = Date()
    ) throws -> Participant {
        let now = now.asStored
        let id = try db.insertReturningID("""
            INSERT INTO participants (workshop_id, name, token_hash, access_code, joined_at) VALUES (?, ?, ?, ?, ?)
            RETURNING id
            """, [workshopID, name, tokenHash, accessCode, now])
        return Participant(id: id, workshopID: workshopID, name: name, joinedAt: now)
    }

    /// The participant holding this token in this workshop, or `nil`.
    public func find(tokenHash: String, workshopID: Int64) throws -> Participant? {
        try db.queryOne("""
            SELECT id, workshop_id, name, joined_at FROM participants WHERE token_hash = ? AND workshop_id = ?
            """, [tokenHash, workshopID], Self.decode)
    }

    /// The participant with this id, or `nil`.
    public func find(id: Int64) throws -> Participant? {
        try db.queryOne("SELECT id, workshop_id, name, joined_at FROM participants WHERE id = ?", [id], Self.decode)
    }

    /// A workshop's participants in joining order.
    public func list(workshopID: Int64) throws -> [Participant] {
        try db.query("""
            SELECT id, workshop_id, name, joined_at FROM participants WHERE workshop_id = ? ORDER BY id
            """, [workshopID], Self.decode)
    }

    private static func decode(_ row: Row) -> Participant {
        Participant(id: row.int64(0), workshopID: row.int64(1), name: row.text(2), joinedAt: row.date(3))
    }
}
