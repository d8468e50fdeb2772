extension PostgresSchema {
    /// PostgreSQL twin of SQLite's "19-ballot-revisions": a random revision the ballot writer sets
    /// on every rewrite, read by the in-memory ballot cache to re-read only what changed.
    static let ballotRevisions = Migration("pg-19-ballot-revisions", sql: """
        ALTER TABLE ballots ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
        """)
}
