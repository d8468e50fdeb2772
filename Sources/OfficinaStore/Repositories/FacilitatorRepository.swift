import Foundation

/// Facilitator accounts. Usernames are unique without regard to ASCII case.
/// The password hash is computed and verified by the App; the store keeps the string.
public struct FacilitatorRepository {
    let db: any SQLDatabase

    /// Creates an account; a taken username violates a constraint (``StoreError/Kind/constraint``).
    public func create(username: String, passwordHash: String, at now: Date = Date()) throws -> FacilitatorAccount {
        let now = now.asStored
        let id = try db.insertReturningID(
            "INSERT INTO facilitators (username, password_hash, created_at) VALUES (?, ?, ?) RETURNING id",
            [username, passwordHash, now]
        )
        return FacilitatorAccount(id: id, username: username, passwordHash: passwordHash, createdAt: now)
    }

    /// The account with this username (any ASCII case), or `nil`.
    public func find(username: String) throws -> FacilitatorAccount? {
        try db.queryOne(
            "SELECT id, username, password_hash, created_at FROM facilitators WHERE username = ?", [username], Self.decode
        )
    }

    /// The account with this id, or `nil`.
    public func find(id: Int64) throws -> FacilitatorAccount? {
        try db.queryOne("SELECT id, username, password_hash, created_at FROM facilitators WHERE id = ?", [id], Self.decode)
    }

    /// Replaces the password hash; `false` when there is no such account.
    @discardableResult
    public func setPasswordHash(_ hash: String, facilitatorID: Int64) throws -> Bool {
        try db.execute("UPDATE facilitators SET password_hash = ? WHERE id = ?", [hash, facilitatorID])
        return db.changes > 0
    }

    /// How many accounts exist (zero means the server still needs its first-run setup).
    public func count() throws -> Int {
        try db.queryOne("SELECT count(*) FROM facilitators") { $0.int(0) } ?? 0
    }

    private static func decode(_ row: Row) -> FacilitatorAccount {
        FacilitatorAccount(id: row.int64(0), username: row.text(1), passwordHash: row.text(2), createdAt: row.date(3))
    }
}
