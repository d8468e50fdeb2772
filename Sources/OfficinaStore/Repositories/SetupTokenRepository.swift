import Foundation

/// One-time tokens that let the first facilitator account be created (`POST /api/setup`),
/// stored as hashes.
public struct SetupTokenRepository {
    let db: any SQLDatabase

    /// Records a token hash valid until `expiresAt`.
    public func create(tokenHash: String, expiresAt: Date, at now: Date = Date()) throws {
        try db.execute(
            "INSERT INTO setup_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)",
            [tokenHash, now, expiresAt]
        )
    }

    /// Marks the token used if it exists, is unused and unexpired; `true` exactly once per token.
    public func consume(tokenHash: String, at now: Date = Date()) throws -> Bool {
        try db.execute("""
            UPDATE setup_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
            """, [now, tokenHash, now])
        return db.changes > 0
    }

    /// Deletes every token: at each start (one link at a time) and once a link has been used.
    public func revokeAll() throws {
        try db.execute("DELETE FROM setup_tokens")
    }
}
