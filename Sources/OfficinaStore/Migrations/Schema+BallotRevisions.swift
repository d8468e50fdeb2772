extension Schema {
    /// A revision per ballot, so a reader that keeps a workshop's ballots in memory can tell which
    /// ones changed since it read them without reading every ballot's rows again
    /// (`BallotRepository+Revisions`).
    ///
    /// The ballot writer sets a fresh random 63-bit value every time it rewrites a ballot (in the
    /// same statement that creates or touches the ballot row), so a ballot's id and revision
    /// together name one content: a rewrite, or a deleted ballot whose id SQLite hands out again,
    /// comes back with a different revision. Ballots deleted whole, by SQL or by a cascade, simply
    /// disappear from the list. Ballots written before this migration keep 0 until rewritten.
    static let ballotRevisions = Migration("19-ballot-revisions", sql: """
        ALTER TABLE ballots ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        """)
}
