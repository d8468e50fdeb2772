extension PostgresSchema {
    /// Drops `ballot_ratings_by_proposal`, as SQLite's "4-ballot-write-path" did: no read looks
    /// ratings up by proposal (they are read by ballot, through the primary key), and every rating a
    /// ballot stores paid a second B-tree insertion for it — with support, a quarter of the server's
    /// time under a ballot storm (benchmarks/scaling.md). "pg-21-cell-references" had added it for
    /// its cascade of a deleted proposal's cells, which Officina never deletes (proposals are hidden
    /// or merged); a manual `DELETE FROM proposals` still removes their ratings, by a scan.
    static let ratingsByBallot = Migration("pg-24-ratings-by-ballot", sql: """
        DROP INDEX IF EXISTS ballot_ratings_by_proposal;
        """)
}
