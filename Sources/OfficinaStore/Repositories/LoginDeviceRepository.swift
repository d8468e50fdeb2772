import Foundation

/// Browsers facilitators have signed in from, keyed by the hash of the device cookie's token.
public struct LoginDeviceRepository {
    let db: any SQLDatabase

    /// Records a device for `facilitatorID` until `expiresAt`, and forgets that facilitator's expired ones.
    public func create(tokenHash: String, facilitatorID: Int64, expiresAt: Date, at now: Date = Date()) throws {
        try db.execute("DELETE FROM login_devices WHERE facilitator_id = ? AND expires_at <= ?", [facilitatorID, now])
        try db.execute("""
            INSERT INTO login_devices (token_hash, facilitator_id, created_at, expires_at) VALUES (?, ?, ?, ?)
            """, [tokenHash, facilitatorID, now, expiresAt])
    }

    /// The facilitator a device token belongs to, if it has not expired at `now`.
    public func facilitator(tokenHash: String, at now: Date = Date()) throws -> Int64? {
        try db.queryOne("SELECT facilitator_id FROM login_devices WHERE token_hash = ? AND expires_at > ?", [tokenHash, now]) {
            $0.int64(0)
        }
    }
}
