import Foundation

/// The counts the participant quotas are checked against (`QuotaRules` in OfficinaCore). Call them
/// inside the `write` that adds the row: the single writer then makes count-and-insert atomic, so
/// concurrent requests cannot all pass a limit that only one of them should.
public struct QuotaRepository {
    let db: any SQLDatabase

    /// Proposals in a workshop, whatever their status.
    public func proposals(workshopID: Int64) throws -> Int {
        try db.queryOne("SELECT count(*) FROM proposals WHERE workshop_id = ?", [workshopID]) { $0.int(0) } ?? 0
    }

    /// Proposals a participant has added, whatever their status (hiding spam gives no new quota).
    public func proposals(authorID: Int64) throws -> Int {
        try db.queryOne("SELECT count(*) FROM proposals WHERE author_id = ?", [authorID]) { $0.int(0) } ?? 0
    }

    /// Build-ons a participant has added.
    public func buildOns(authorID: Int64) throws -> Int {
        try db.queryOne("SELECT count(*) FROM buildons WHERE author_id = ?", [authorID]) { $0.int(0) } ?? 0
    }

    /// The times of a participant's edits since `since`, oldest first; older rows are deleted.
    public func recentEdits(participantID: Int64, since: Date) throws -> [Date] {
        try db.execute("DELETE FROM proposal_edits WHERE participant_id = ? AND edited_at < ?", [participantID, since])
        return try db.query("""
            SELECT edited_at FROM proposal_edits WHERE participant_id = ? ORDER BY edited_at
            """, [participantID]) { $0.date(0) }
    }

    /// Records one edit by a participant.
    public func recordEdit(participantID: Int64, at now: Date = Date()) throws {
        try db.execute("INSERT INTO proposal_edits (participant_id, edited_at) VALUES (?, ?)", [participantID, now])
    }
}
