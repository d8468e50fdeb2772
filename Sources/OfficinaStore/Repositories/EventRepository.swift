import Foundation

/// The per-workshop log of live-update events, so a client reconnecting with `Last-Event-ID`
/// receives what it missed (<https://html.spec.whatwg.org/multipage/server-sent-events.html>).
public struct EventRepository {
    let db: any SQLDatabase

    /// Appends an event with the workshop's next sequence number (from 1) and returns it.
    @discardableResult
    public func append(workshopID: Int64, type: String, data: String, at now: Date = Date()) throws -> StoredEvent {
        let now = now.asStored
        try db.lockEventSequence(workshopID: workshopID)
        let seq = try latestSeq(workshopID: workshopID) + 1
        try db.execute(
            "INSERT INTO events (workshop_id, seq, type, data, created_at) VALUES (?, ?, ?, ?, ?)",
            [workshopID, seq, type, data, now]
        )
        try db.notifyInstances("e:\(workshopID)")
        return StoredEvent(workshopID: workshopID, seq: seq, type: type, data: data, at: now)
    }

    /// Events after `seq`, oldest first, at most `limit`.
    public func since(workshopID: Int64, after seq: Int64, limit: Int = 1_000) throws -> [StoredEvent] {
        try db.query("""
            SELECT workshop_id, seq, type, data, created_at FROM events
            WHERE workshop_id = ? AND seq > ? ORDER BY seq LIMIT ?
            """, [workshopID, seq, limit]) { row in
            StoredEvent(workshopID: row.int64(0), seq: row.int64(1), type: row.text(2), data: row.text(3), at: row.date(4))
        }
    }

    /// The last sequence number used in the workshop, 0 when there is none.
    public func latestSeq(workshopID: Int64) throws -> Int64 {
        try db.queryOne("SELECT coalesce(max(seq), 0) FROM events WHERE workshop_id = ?", [workshopID]) { $0.int64(0) } ?? 0
    }

    /// The oldest sequence number still kept, `nil` when there is none: a client whose `Last-Event-ID`
    /// is older than this minus one missed pruned events and needs a fresh snapshot.
    public func oldestSeq(workshopID: Int64) throws -> Int64? {
        try db.queryOne("SELECT min(seq) FROM events WHERE workshop_id = ?", [workshopID]) { $0.optionalInt64(0) } ?? nil
    }

    /// Deletes all but the newest `keep` events of the workshop; returns how many went.
    @discardableResult
    public func prune(workshopID: Int64, keepingLast keep: Int) throws -> Int {
        try db.execute(
            "DELETE FROM events WHERE workshop_id = ? AND seq <= (SELECT coalesce(max(seq), 0) FROM events WHERE workshop_id = ?) - ?",
            [workshopID, workshopID, max(0, keep)]
        )
        return db.changes
    }
}
