extension PostgresSchema {
    /// PostgreSQL twin of SQLite's "18-tallies": the same two histograms, backfilled, kept by the
    /// ballot writer (`TallyDeltas`, applied once per batch in key order), and one row trigger taking
    /// a deleted ballot's rows off (BEFORE: the cascade to its rows runs after the ballot's delete).
    /// Rows on proposals already gone are skipped: deleting a workshop, PostgreSQL may delete its
    /// proposals (and their tally rows) before its ballots, whose rows still name them.
    static let tallies = Migration("pg-18-tallies", sql: """
        CREATE TABLE support_tallies (
            proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            dots BIGINT NOT NULL,
            ballots BIGINT NOT NULL,
            PRIMARY KEY (proposal_id, dots)
        );
        CREATE TABLE rating_tallies (
            proposal_id BIGINT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            goal_key TEXT NOT NULL,
            value BIGINT NOT NULL,
            ballots BIGINT NOT NULL,
            PRIMARY KEY (proposal_id, goal_key, value)
        );
        INSERT INTO support_tallies (proposal_id, dots, ballots)
            SELECT proposal_id, dots, count(*) FROM ballot_support GROUP BY proposal_id, dots;
        INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots)
            SELECT proposal_id, goal_key, value, count(*) FROM ballot_ratings GROUP BY proposal_id, goal_key, value;

        CREATE FUNCTION officina_ballot_delete_tallies() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO support_tallies (proposal_id, dots, ballots)
                SELECT proposal_id, dots, -count(*) FROM ballot_support s WHERE s.ballot_id = OLD.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = s.proposal_id)
                GROUP BY proposal_id, dots ORDER BY proposal_id, dots
                ON CONFLICT (proposal_id, dots) DO UPDATE SET ballots = support_tallies.ballots + excluded.ballots;
            INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots)
                SELECT proposal_id, goal_key, value, -count(*) FROM ballot_ratings r WHERE r.ballot_id = OLD.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = r.proposal_id)
                GROUP BY proposal_id, goal_key, value ORDER BY proposal_id, goal_key, value
                ON CONFLICT (proposal_id, goal_key, value) DO UPDATE SET ballots = rating_tallies.ballots + excluded.ballots;
            RETURN OLD;
        END $$;
        CREATE TRIGGER tallies_ballot_delete BEFORE DELETE ON ballots
            FOR EACH ROW EXECUTE FUNCTION officina_ballot_delete_tallies();
        """)
}
