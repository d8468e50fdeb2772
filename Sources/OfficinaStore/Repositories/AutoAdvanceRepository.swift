import Foundation
import OfficinaCore

/// The "close automatically at the deadline" choice of each workshop (`workshop_auto_advance`).
public struct AutoAdvanceRepository {
    let db: any SQLDatabase

    /// Turns the automatic move on or off for a workshop.
    public func set(workshopID: Int64, enabled: Bool) throws {
        try db.execute("""
            INSERT INTO workshop_auto_advance (workshop_id, enabled) VALUES (?, ?)
            ON CONFLICT (workshop_id) DO UPDATE SET enabled = excluded.enabled
            """, [workshopID, enabled])
    }

    /// Whether the workshop moves on by itself at its deadline (off unless a facilitator turned it on).
    public func isEnabled(workshopID: Int64) throws -> Bool {
        try db.queryOne("SELECT enabled FROM workshop_auto_advance WHERE workshop_id = ?", [workshopID]) { $0.bool(0) } ?? false
    }

    /// Workshops that move on by themselves: collecting or voting, with a deadline, earliest first.
    public func scheduled() throws -> [AutoAdvance] {
        try db.query("""
            SELECT w.id, w.phase, w.deadline FROM workshops w JOIN workshop_auto_advance a ON a.workshop_id = w.id
            WHERE a.enabled = 1 AND w.deadline IS NOT NULL AND w.phase IN ('collecting', 'voting')
            ORDER BY w.deadline, w.id
            """) { row in
            guard let phase = Phase(rawValue: row.text(1)) else {
                throw StoreError(.decoding, message: "workshop \(row.int64(0)) holds an unknown phase")
            }
            return AutoAdvance(workshopID: row.int64(0), phase: phase, deadline: row.date(2))
        }
    }
}
