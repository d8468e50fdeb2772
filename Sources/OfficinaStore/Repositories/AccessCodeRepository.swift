import Foundation
import OfficinaCore

/// Single-use access codes for workshops that require one to join.
public struct AccessCodeRepository {
    /// Characters of an access code: the join-code alphabet, free of look-alikes.
    public static let length = 8

    let db: any SQLDatabase

    /// Creates `count` new codes unique within the workshop and returns them.
    public func generate(count: Int, workshopID: Int64, at now: Date = Date()) throws -> [String] {
        var codes: [String] = []
        var attempts = 0
        while codes.count < count {
            attempts += 1
            guard attempts <= count * 10 + 10 else {
                throw StoreError(.constraint, message: "could not find \(count) free access codes")
            }
            let code = String((0..<Self.length).compactMap { _ in JoinCode.alphabet.randomElement() })
            try db.execute(
                "INSERT INTO access_codes (workshop_id, code, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                [workshopID, code, now]
            )
            if db.changes > 0 { codes.append(code) }
        }
        return codes
    }

    /// Marks `code` used by `participantID` if it belongs to the workshop and is unused.
    /// `true` exactly once per code, even under concurrent joins.
    public func consume(code: String, workshopID: Int64, participantID: Int64, at now: Date = Date()) throws -> Bool {
        try db.execute("""
            UPDATE access_codes SET used_by = ?, used_at = ?
            WHERE workshop_id = ? AND code = ? AND used_by IS NULL AND used_at IS NULL
            """, [participantID, now, workshopID, code.uppercased()])
        return db.changes > 0
    }

    /// The workshop's unused codes, oldest first (for printing tickets).
    public func unused(workshopID: Int64) throws -> [String] {
        try db.query("""
            SELECT code FROM access_codes WHERE workshop_id = ? AND used_at IS NULL ORDER BY id
            """, [workshopID]) { $0.text(0) }
    }
}
