extension Schema {
    /// Running tallies of the cast ballots, so live tallies (and later the ranking) read one row per
    /// proposal and value instead of every ballot row.
    ///
    /// Each table is a histogram of the rows of `ballot_support` / `ballot_ratings` as cast: how many
    /// ballots gave proposal P exactly `dots` (or rated goal G exactly `value`). A histogram rather than
    /// a sum so a reader can still apply a cap that changed after the votes (`min(dots, cap)`) exactly.
    /// Merges, hides and self-support are applied by the reader (`BallotCounting`), as for raw rows.
    ///
    /// Triggers keep the tables in step inside the transaction that changes a ballot row, whatever
    /// changes it: a ballot write, its deletion, a participant's erasure, a cascade from a workshop.
    /// A decrement is a plain `UPDATE` (never an insert): on a cascade the tally row may already be
    /// gone with its proposal. Rows that fall to 0 stay; readers skip them.
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

        CREATE TRIGGER support_tallies_insert AFTER INSERT ON ballot_support BEGIN
            INSERT INTO support_tallies (proposal_id, dots, ballots) VALUES (NEW.proposal_id, NEW.dots, 1)
                ON CONFLICT (proposal_id, dots) DO UPDATE SET ballots = ballots + 1;
        END;
        CREATE TRIGGER support_tallies_delete AFTER DELETE ON ballot_support BEGIN
            UPDATE support_tallies SET ballots = ballots - 1 WHERE proposal_id = OLD.proposal_id AND dots = OLD.dots;
        END;
        CREATE TRIGGER support_tallies_update AFTER UPDATE OF proposal_id, dots ON ballot_support BEGIN
            UPDATE support_tallies SET ballots = ballots - 1 WHERE proposal_id = OLD.proposal_id AND dots = OLD.dots;
            INSERT INTO support_tallies (proposal_id, dots, ballots) VALUES (NEW.proposal_id, NEW.dots, 1)
                ON CONFLICT (proposal_id, dots) DO UPDATE SET ballots = ballots + 1;
        END;

        CREATE TRIGGER rating_tallies_insert AFTER INSERT ON ballot_ratings BEGIN
            INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots) VALUES (NEW.proposal_id, NEW.goal_key, NEW.value, 1)
                ON CONFLICT (proposal_id, goal_key, value) DO UPDATE SET ballots = ballots + 1;
        END;
        CREATE TRIGGER rating_tallies_delete AFTER DELETE ON ballot_ratings BEGIN
            UPDATE rating_tallies SET ballots = ballots - 1
                WHERE proposal_id = OLD.proposal_id AND goal_key = OLD.goal_key AND value = OLD.value;
        END;
        CREATE TRIGGER rating_tallies_update AFTER UPDATE OF proposal_id, goal_key, value ON ballot_ratings BEGIN
            UPDATE rating_tallies SET ballots = ballots - 1
                WHERE proposal_id = OLD.proposal_id AND goal_key = OLD.goal_key AND value = OLD.value;
            INSERT INTO rating_tallies (proposal_id, goal_key, value, ballots) VALUES (NEW.proposal_id, NEW.goal_key, NEW.value, 1)
                ON CONFLICT (proposal_id, goal_key, value) DO UPDATE SET ballots = ballots + 1;
        END;
        """)
}
