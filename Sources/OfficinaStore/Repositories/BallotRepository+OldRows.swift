import Foundation

/// The first step of a ballot rewrite: create the ballot row (or touch it) and read the rows it held.
extension BallotRepository {
    /// The ballot's id and its support and rating rows before this write.
    ///
    /// On PostgreSQL the upsert and one read of both kinds of row go out together (one round trip
    /// instead of three): the read finds the ballot by participant and workshop rather than by the
    /// id the upsert returns. It still runs as a statement of its own, after the upsert, so in READ
    /// COMMITTED it sees the upsert and whatever another instance committed before the upsert's row
    /// lock was granted, as when they ran one by one (a single statement with a data-modifying `WITH`
    /// would read the rows from before that wait, and diff against a stale ballot).
    ///
    /// On SQLite (one writer, in process) an existing ballot row is only found here, not touched:
    /// `touched` is false and the caller gives it a new revision only if a row of it changes, so a
    /// rewrite that changes nothing writes nothing.
    func upsertReadingOldRows(participantID: Int64, workshopID: Int64, at now: Date) throws -> (id: Int64, support: [Int64: Int], ratings: [Int64: [String: Int]], touched: Bool) {
        let upsert = { SQLStatement("""
            INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (participant_id, workshop_id) DO UPDATE SET updated_at = excluded.updated_at, revision = excluded.revision
            RETURNING id
            """, [workshopID, participantID, now, now, Self.newRevision()]) }
        var ballotID: Int64?
        var support: [Int64: Int] = [:]
        var ratings: [Int64: [String: Int]] = [:]
        guard db.dialect == .postgres else {
            // SQLite runs in process: one statement after the other, by id.
            guard let ballotID = try db.queryOne(
                "SELECT id FROM ballots WHERE participant_id = ? AND workshop_id = ?", [participantID, workshopID], { $0.int64(0) }
            ) else {
                let statement = upsert()
                guard let created = try db.queryOne(statement.sql, statement.arguments, { $0.int64(0) }) else {
                    throw StoreError(.sqlite, message: "ballot upsert returned no id")
                }
                return (created, [:], [:], true)
            }
            try db.forEachRow("SELECT proposal_id, dots FROM ballot_support WHERE ballot_id = ?", [ballotID]) { row in
                support[row.int64(0)] = row.int(1)
            }
            try db.forEachRow("SELECT proposal_id, goal_key, value FROM ballot_ratings WHERE ballot_id = ?", [ballotID]) { row in
                ratings[row.int64(0), default: [:]][row.text(1)] = row.int(2)
            }
            return (ballotID, support, ratings, false)
        }
        // Both kinds of row in one statement (one executor start less per ballot), each finding the
        // ballot through its unique (participant, workshop) index once.
        let ballot = "(SELECT id FROM ballots WHERE participant_id = ? AND workshop_id = ?)"
        try db.forEachRow(in: [
            upsert(),
            SQLStatement("""
                SELECT 0, proposal_id, dots, '' FROM ballot_support WHERE ballot_id = \(ballot)
                UNION ALL
                SELECT 1, proposal_id, value, goal_key FROM ballot_ratings WHERE ballot_id = \(ballot)
                """, [participantID, workshopID, participantID, workshopID]),
        ]) { statement, row in
            if statement == 0 {
                ballotID = row.int64(0)
            } else if row.int(0) == 0 {
                support[row.int64(1)] = row.int(2)
            } else {
                ratings[row.int64(1), default: [:]][row.text(3)] = row.int(2)
            }
        }
        guard let ballotID else { throw StoreError(.sqlite, message: "ballot upsert returned no id") }
        return (ballotID, support, ratings, true)
    }
}
