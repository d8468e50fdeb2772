import Foundation

/// Facilitator login sessions, keyed by the hash of the cookie token (the token itself is never stored).
public struct SessionRepository {
    let db: any SQLDatabase

    /// Records a session for `facilitatorID` until `expiresAt`.
    @discardableResult
    public func create(tokenHash: String, facilitatorID: Int64, expiresAt: Date, at now: Date = Date()) throws -> FacilitatorSession {
        let now = now.asStored, expiresAt = expiresAt.asStored
        try db.execute("""
            INSERT INTO sessions (token_hash, facilitator_id, created_at, expires_at) VALUES (?, ?, ?, ?)
            """, [tokenHash, facilitatorID, now, expiresAt])
        let username = try db.facilitators.find(id: facilitatorID)?.username ?? ""
        return FacilitatorSession(tokenHash: tokenHash, facilitatorID: facilitatorID, username: username, createdAt: now, expiresAt: expiresAt)
    }

    /// The session for this token hash if it has not expired at `now`, else `nil`.
    public func findValid(tokenHash: String, at now: Date = Date()) throws -> FacilitatorSession? {
        try db.queryOne("""
            SELECT s.token_hash, s.facilitator_id, f.username, s.created_at, s.expires_at
            FROM sessions s JOIN facilitators f ON f.id = s.facilitator_id
            WHERE s.token_hash = ? AND s.expires_at > ?
            """, [tokenHash, now]) { row in
            FacilitatorSession(
                tokenHash: row.text(0), facilitatorID: row.int64(1), username: row.text(2),
                createdAt: row.date(3), expiresAt: row.date(4)
            )
        }
    }

    /// Ends a session (logout); `false` when there was none.
    @discardableResult
    public func delete(tokenHash: String) throws -> Bool {
        try db.execute("DELETE FROM sessions WHERE token_hash = ?", [tokenHash])
        return db.changes > 0
    }

    /// Removes sessions expired at `now`; returns how many.
    @discardableResult
    public func deleteExpired(at now: Date = Date()) throws -> Int {
        try db.execute("DELETE FROM sessions WHERE expires_at <= ?", [now])
        return db.changes
    }
}
