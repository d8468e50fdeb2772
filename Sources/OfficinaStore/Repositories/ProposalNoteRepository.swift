import Foundation

/// Notes on hidden proposals (`proposal_notes`): the facilitator's reason, or a withdrawal by the author.
public struct ProposalNoteRepository {
    let db: any SQLDatabase

    /// Replaces the proposal's note; a note with neither a reason nor a withdrawal removes the row.
    public func set(proposalID: Int64, _ note: ProposalNote, at now: Date = Date()) throws {
        guard note.hiddenReason != nil || note.withdrawn else {
            try db.execute("DELETE FROM proposal_notes WHERE proposal_id = ?", [proposalID])
            return
        }
        try db.execute("""
            INSERT INTO proposal_notes (proposal_id, hidden_reason, withdrawn, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (proposal_id) DO UPDATE SET hidden_reason = excluded.hidden_reason,
                withdrawn = excluded.withdrawn, updated_at = excluded.updated_at
            """, [proposalID, note.hiddenReason, note.withdrawn, now])
    }

    /// The note of one proposal, or `nil`.
    public func find(proposalID: Int64) throws -> ProposalNote? {
        try db.queryOne("SELECT hidden_reason, withdrawn FROM proposal_notes WHERE proposal_id = ?", [proposalID]) { row in
            ProposalNote(hiddenReason: row.optionalText(0), withdrawn: row.bool(1))
        }
    }

    /// Every note of a workshop's proposals, by proposal id.
    public func list(workshopID: Int64) throws -> [Int64: ProposalNote] {
        let rows = try db.query("""
            SELECT n.proposal_id, n.hidden_reason, n.withdrawn FROM proposal_notes n
            JOIN proposals p ON p.id = n.proposal_id WHERE p.workshop_id = ?
            """, [workshopID]) { row in (row.int64(0), ProposalNote(hiddenReason: row.optionalText(1), withdrawn: row.bool(2))) }
        return Dictionary(rows, uniquingKeysWith: { _, last in last })
    }
}
