extension PostgresSchema {
    /// PostgreSQL twin of SQLite's "20-rater-tallies": per proposal, the ballots that rate it,
    /// backfilled, kept by the ballot writer (`TallyDeltas`) and by one row trigger for ballots
    /// deleted whole (BEFORE: the cascade to their rows runs after the ballot's delete). PostgreSQL
    /// fires a table's triggers by name, so `tallies_ballot_delete_raters` runs after
    /// `tallies_ballot_delete`: a delete locks tally rows in the writer's order (support, ratings,
    /// raters) and cannot deadlock with another instance's batch.
    static let raterTallies = Migration("pg-20-rater-tallies", sql: """
        CREATE TABLE rater_tallies (
            proposal_id BIGINT NOT NULL PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
            ballots BIGINT NOT NULL
        );
        INSERT INTO rater_tallies (proposal_id, ballots)
            SELECT proposal_id, count(DISTINCT ballot_id) FROM ballot_ratings GROUP BY proposal_id;

        CREATE FUNCTION officina_ballot_delete_raters() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO rater_tallies (proposal_id, ballots)
                SELECT DISTINCT proposal_id, -1 FROM ballot_ratings r WHERE r.ballot_id = OLD.id
                  AND EXISTS (SELECT 1 FROM proposals p WHERE p.id = r.proposal_id)
                ORDER BY proposal_id
                ON CONFLICT (proposal_id) DO UPDATE SET ballots = rater_tallies.ballots + excluded.ballots;
            RETURN OLD;
        END $$;
        CREATE TRIGGER tallies_ballot_delete_raters BEFORE DELETE ON ballots
            FOR EACH ROW EXECUTE FUNCTION officina_ballot_delete_raters();
        """)
}
