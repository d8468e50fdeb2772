import Foundation

/// A ballot rewrite on PostgreSQL in two statements, whatever the number of rows it changes.
///
/// Most of a ballot's cost on PostgreSQL was the server starting one executor per statement (an
/// upsert, a read of the old rows, then a delete or insert per kind of row). Now the new rows travel
/// as arrays and one statement with data-modifying `WITH` clauses rewrites both kinds by difference:
/// it deletes the old rows the new ballot does not hold unchanged, inserts the new rows not already
/// there (`ON CONFLICT DO NOTHING` skips the kept ones), and returns exactly the rows it deleted and
/// inserted, which are the ballot's tally changes. Rows a rewrite keeps are not touched, as on SQLite
/// (`BallotRepository+Rows`).
///
/// The ballot upsert stays a statement of its own, sent first in the same round trip: it takes the
/// ballot's row lock, and in READ COMMITTED the rewrite after it gets a snapshot taken once the lock
/// is held, so it sees whatever another instance committed to this ballot meanwhile (one statement
/// would diff against the rows from before that wait).
extension BallotRepository {
    /// The rewrite statement. Parameters: participant, workshop, then the new support rows as two
    /// arrays (proposals, dots) and the new rating rows as three (proposals, goals, values).
    ///
    /// The inserts wait for the deletes (`WHERE (SELECT count(*) FROM …) >= 0` reads them whole
    /// first): a changed row's old version must be gone before its new one goes in under the same
    /// key. A row deleted by this transaction is no conflict for `ON CONFLICT`.
    static let postgresRewriteSQL = """
        WITH b AS (SELECT id FROM ballots WHERE participant_id = ? AND workshop_id = ?),
        new_support AS (SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS n (proposal_id, dots)),
        new_ratings AS (SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[])) AS n (proposal_id, goal_key, value)),
        gone_support AS (
            DELETE FROM ballot_support s USING b WHERE s.ballot_id = b.id
              AND NOT EXISTS (SELECT 1 FROM new_support n WHERE n.proposal_id = s.proposal_id AND n.dots = s.dots)
            RETURNING s.proposal_id, s.dots),
        gone_ratings AS (
            DELETE FROM ballot_ratings r USING b WHERE r.ballot_id = b.id
              AND NOT EXISTS (SELECT 1 FROM new_ratings n WHERE n.proposal_id = r.proposal_id AND n.goal_key = r.goal_key AND n.value = r.value)
            RETURNING r.proposal_id, r.goal_key, r.value),
        added_support AS (
            INSERT INTO ballot_support (ballot_id, proposal_id, dots)
            SELECT b.id, n.proposal_id, n.dots FROM b, new_support n WHERE (SELECT count(*) FROM gone_support) >= 0
            ON CONFLICT (ballot_id, proposal_id) DO NOTHING
            RETURNING proposal_id, dots),
        added_ratings AS (
            INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value)
            SELECT b.id, n.proposal_id, n.goal_key, n.value FROM b, new_ratings n WHERE (SELECT count(*) FROM gone_ratings) >= 0
            ON CONFLICT (ballot_id, proposal_id, goal_key) DO NOTHING
            RETURNING proposal_id, goal_key, value)
        SELECT 0, -1, proposal_id, dots, '' FROM gone_support
        UNION ALL SELECT 0, 1, proposal_id, dots, '' FROM added_support
        UNION ALL SELECT 1, -1, proposal_id, value, goal_key FROM gone_ratings
        UNION ALL SELECT 1, 1, proposal_id, value, goal_key FROM added_ratings
        """

    /// Upserts the ballot and rewrites its rows to `support` and `ratings` (no zero dots, no empty
    /// rating maps), in one round trip; returns the tally changes the rewrite owes.
    func rewriteOnPostgres(participantID: Int64, workshopID: Int64, support: [Int64: Int], ratings: [Int64: [String: Int]], at now: Date) throws -> TallyDeltas {
        let upsert = SQLStatement("""
            INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (participant_id, workshop_id) DO UPDATE SET updated_at = excluded.updated_at
            """, [workshopID, participantID, now, now])
        let supportRows = support.sorted { $0.key < $1.key }
        let ratingRows = ratings.sorted { $0.key < $1.key }.flatMap { proposal, goals in
            goals.sorted { $0.key < $1.key }.map { (proposal, $0.key, $0.value) }
        }
        let rewrite = SQLStatement(Self.postgresRewriteSQL, [
            participantID, workshopID,
            PostgresArrayLiteral.integers(supportRows.map { Int64($0.key) }),
            PostgresArrayLiteral.integers(supportRows.map { Int64($0.value) }),
            PostgresArrayLiteral.integers(ratingRows.map { $0.0 }),
            PostgresArrayLiteral.texts(ratingRows.map { $0.1 }),
            PostgresArrayLiteral.integers(ratingRows.map { Int64($0.2) }),
        ])
        var deltas = TallyDeltas()
        try db.forEachRow(in: [upsert, rewrite]) { statement, row in
            guard statement == 1 else { return }
            if row.int(0) == 0 {
                deltas.addSupport(proposal: row.int64(2), dots: row.int(3), row.int(1))
            } else {
                deltas.addRating(proposal: row.int64(2), goal: row.text(4), value: row.int(3), row.int(1))
            }
        }
        return deltas
    }
}
