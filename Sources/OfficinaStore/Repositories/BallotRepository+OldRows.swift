import Foundation

/// The first step of a ballot rewrite: create the ballot row (or touch it) and read the rows it held.
extension BallotRepository {
    /// The ballot's id and its support and rating rows before this write (SQLite: in process, one
    /// statement after the other; PostgreSQL rewrites a ballot without reading it first, see
    /// `BallotRepository+PostgresRewrite`).
    func upsertReadingOldRows(participantID: Int64, workshopID: Int64, at now: Date) throws -> (id: Int64, support: [Int64: Int], ratings: [Int64: [String: Int]]) {
        let ballotID = try db.queryOne("""
            INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (participant_id, workshop_id) DO UPDATE SET updated_at = excluded.updated_at
            RETURNING id
            """, [workshopID, participantID, now, now]) { $0.int64(0) }
        guard let ballotID else { throw StoreError(.sqlite, message: "ballot upsert returned no id") }
        var support: [Int64: Int] = [:]
        var ratings: [Int64: [String: Int]] = [:]
        try db.forEachRow("SELECT proposal_id, dots FROM ballot_support WHERE ballot_id = ?", [ballotID]) { row in
            support[row.int64(0)] = row.int(1)
        }
        try db.forEachRow("SELECT proposal_id, goal_key, value FROM ballot_ratings WHERE ballot_id = ?", [ballotID]) { row in
            ratings[row.int64(0), default: [:]][row.text(1)] = row.int(2)
        }
        return (ballotID, support, ratings)
    }
}
