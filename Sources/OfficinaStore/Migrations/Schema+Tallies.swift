extension Schema {
    /// Running tallies of the cast ballots, so live tallies (and later the ranking) read one row per
    /// proposal and value instead of every ballot row.
    ///
    /// Each table is a histogram of the rows of `ballot_support` / `ballot_ratings` as cast: how many
    /// ballots gave proposal P exactly `dots` (or rated goal G exactly `value`). A histogram rather than
    /// a sum so a reader can still apply a cap that changed after the votes (`min(dots, cap)`) exactly.
    /// Merges, hides and self-support are applied by the reader (`BallotCounting`), as for raw rows.
    ///
    /// The ballot writer keeps the tables in step: it sums each batch's changes (new rows minus old)
    /// and applies them once before the commit (`TallyDeltas`). Ballots deleted whole — by SQL or by a
    /// cascade from their participant or workshop, which the writer never sees — are taken off by
    /// one narrow trigger per deleted ballot, which subtracts that ballot's rows in one statement per
    /// table (an upsert: within a batch the row it decrements may still be owed by the writer).
    /// Rows that fall to 0 stay; readers skip them. A proposal's rows go with it (`ON DELETE CASCADE`).
    /// <https://sqlite.org/lang_createtrigger.html>, <https://sqlite.org/lang_upsert.html>
    static let tallies = Migration("18-tallies", sql: """
        CREATE TABLE support_tallies (
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            dots INTEGER NOT NULL,
            ballots INTEGER NOT NULL,
            PRIMARY KEY (proposal_id, dots)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE rating_tallies (
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            goal_key TEXT NOT NULL,
            value INTEGER NOT NULL,
            ballots INTEGER NOT NULL,
            PRIMARY KEY (proposal_id, goal_key, value)
        ) STRICT, WITHOUT ROWID;

        INSERT INTO support_tallies (proposal_id, dots, ballots)
            SELECT proposal_id, dots, count(*) FROM ballot_support GROUP BY proposal_id, dots;
        INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots)
            SELECT proposal_id, goal_key, value, count(*) FROM ballot_ratings GROUP BY proposal_id, goal_key, value;

        -- BEFORE: a cascade deletes the ballot's rows after the ballot itself.
        CREATE TRIGGER tallies_ballot_delete BEFORE DELETE ON ballots BEGIN
            INSERT INTO support_tallies (proposal_id, dots, ballots)
                SELECT proposal_id, dots, -count(*) FROM ballot_support s WHERE s.ballot_id = OLD.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = s.proposal_id) GROUP BY proposal_id, dots
                ON CONFLICT (proposal_id, dots) DO UPDATE SET ballots = support_tallies.ballots + excluded.ballots;
            INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots)
                SELECT proposal_id, goal_key, value, -count(*) FROM ballot_ratings r WHERE r.ballot_id = OLD.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = r.proposal_id)
                GROUP BY proposal_id, goal_key, value
                ON CONFLICT (proposal_id, goal_key, value) DO UPDATE SET ballots = rating_tallies.ballots + excluded.ballots;
        END;
        """)
}
