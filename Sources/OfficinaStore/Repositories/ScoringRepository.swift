import OfficinaCore

/// Scoring choices per workshop, the exposure secret, and the counts the exposure order reads.
public struct ScoringRepository {
    let db: any SQLDatabase

    /// The workshop's scoring choices (`ScoringPreferences.default` when never set).
    public func preferences(workshopID: Int64) throws -> ScoringPreferences {
        try db.queryOne(
            "SELECT method, exposure FROM workshop_scoring WHERE workshop_id = ?", [workshopID]
        ) { row in
            ScoringPreferences(
                method: ScoringMethod(rawValue: row.text(0)) ?? .officina1,
                exposure: ExposureMode(rawValue: row.text(1)) ?? .default
            )
        } ?? .default
    }

    /// Stores the workshop's scoring choices.
    public func setPreferences(_ preferences: ScoringPreferences, workshopID: Int64) throws {
        try db.execute("""
            INSERT INTO workshop_scoring (workshop_id, method, exposure) VALUES (?, ?, ?)
            ON CONFLICT (workshop_id) DO UPDATE SET method = excluded.method, exposure = excluded.exposure
            """, [workshopID, preferences.method.rawValue, preferences.exposure.rawValue])
    }

    /// The secret that seeds every participant's proposal order (made by migration 8-scoring).
    public func exposureSecret() throws -> [UInt8] {
        guard let secret = try db.queryOne(
            "SELECT value FROM server_secrets WHERE name = 'exposure'", [], { $0.bytes(0) }
        ) else { throw StoreError(.sqlite, message: "the exposure secret is missing") }
        return secret
    }

    /// Per proposal of the workshop: participants who rated it and ratings it received.
    public func ratingCounts(workshopID: Int64) throws -> [Int64: (raters: Int, ratings: Int)] {
        let rows = try db.query("""
            SELECT r.proposal_id, count(DISTINCT r.ballot_id), count(*)
            FROM ballot_ratings r JOIN ballots b ON b.id = r.ballot_id
            WHERE b.workshop_id = ? GROUP BY r.proposal_id
            """, [workshopID]) { ($0.int64(0), (raters: $0.int(1), ratings: $0.int(2))) }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }
}
