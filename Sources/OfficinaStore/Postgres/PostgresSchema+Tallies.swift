extension PostgresSchema {
    /// PostgreSQL twin of SQLite's "18-tallies": the same two histograms, backfilled, kept by row
    /// triggers on `ballot_support` and `ballot_ratings` (one plpgsql function per table).
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

        CREATE FUNCTION officina_support_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                UPDATE support_tallies SET ballots = ballots - 1 WHERE proposal_id = OLD.proposal_id AND dots = OLD.dots;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO support_tallies (proposal_id, dots, ballots) VALUES (NEW.proposal_id, NEW.dots, 1)
                    ON CONFLICT (proposal_id, dots) DO UPDATE SET ballots = support_tallies.ballots + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER support_tallies_row AFTER INSERT OR DELETE OR UPDATE OF proposal_id, dots ON ballot_support
            FOR EACH ROW EXECUTE FUNCTION officina_support_tally();

        CREATE FUNCTION officina_rating_tally() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                UPDATE rating_tallies SET ballots = ballots - 1
                    WHERE proposal_id = OLD.proposal_id AND goal_key = OLD.goal_key AND value = OLD.value;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots) VALUES (NEW.proposal_id, NEW.goal_key, NEW.value, 1)
                    ON CONFLICT (proposal_id, goal_key, value) DO UPDATE SET ballots = rating_tallies.ballots + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER rating_tallies_row AFTER INSERT OR DELETE OR UPDATE OF proposal_id, goal_key, value ON ballot_ratings
            FOR EACH ROW EXECUTE FUNCTION officina_rating_tally();
        """)
}
