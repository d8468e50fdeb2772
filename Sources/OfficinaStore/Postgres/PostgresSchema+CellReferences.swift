extension PostgresSchema {
    /// The ballot cells' references (`ballot_support`, `ballot_ratings` → `ballots`, `proposals`)
    /// checked once per statement instead of once per row. PostgreSQL checks a foreign key with one
    /// query per inserted row; a write batch stores a hundred ballots' cells in one statement, and
    /// those per-row checks took 41 % of the backend's time (benchmarks/scaling.md). SQLite keeps its
    /// foreign keys: there a check is an index probe in the same process.
    ///
    /// What the foreign keys guaranteed still holds:
    /// - **Insert.** After each statement inserting cells, the ballots and proposals they name are
    ///   locked `FOR KEY SHARE` (what a foreign-key check takes, so a concurrent delete of a named row
    ///   waits for this transaction) and a cell naming a row that is gone fails the statement with
    ///   SQLSTATE 23503, like the foreign key did. Updates of a cell only change its count or value
    ///   (its key is its primary key), so they need no check.
    /// - **Delete.** After each statement deleting ballots or proposals, their cells are deleted
    ///   (`ON DELETE CASCADE`), including deletes cascaded from a workshop or a participant. A
    ///   delete that waited for an inserting transaction runs its trigger after that commit, on a
    ///   new snapshot, so it sees and removes those cells too.
    static let cellReferences = Migration("pg-21-cell-references", sql: """
        ALTER TABLE ballot_support DROP CONSTRAINT ballot_support_ballot_id_fkey;
        ALTER TABLE ballot_support DROP CONSTRAINT ballot_support_proposal_id_fkey;
        ALTER TABLE ballot_ratings DROP CONSTRAINT ballot_ratings_ballot_id_fkey;
        ALTER TABLE ballot_ratings DROP CONSTRAINT ballot_ratings_proposal_id_fkey;
        CREATE INDEX IF NOT EXISTS ballot_ratings_by_proposal ON ballot_ratings (proposal_id);

        CREATE FUNCTION officina_check_cell_references() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            missing BIGINT;
        BEGIN
            SELECT n.ballot_id INTO missing
            FROM (SELECT DISTINCT ballot_id FROM new_cells) AS n
            LEFT JOIN (SELECT id FROM ballots WHERE id IN (SELECT ballot_id FROM new_cells) FOR KEY SHARE) AS b
                ON b.id = n.ballot_id
            WHERE b.id IS NULL LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'insert into % names ballot % which does not exist', TG_TABLE_NAME, missing
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            SELECT n.proposal_id INTO missing
            FROM (SELECT DISTINCT proposal_id FROM new_cells) AS n
            LEFT JOIN (SELECT id FROM proposals WHERE id IN (SELECT proposal_id FROM new_cells) FOR KEY SHARE) AS p
                ON p.id = n.proposal_id
            WHERE p.id IS NULL LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'insert into % names proposal % which does not exist', TG_TABLE_NAME, missing
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER ballot_support_references AFTER INSERT ON ballot_support
            REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION officina_check_cell_references();
        CREATE TRIGGER ballot_ratings_references AFTER INSERT ON ballot_ratings
            REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT EXECUTE FUNCTION officina_check_cell_references();

        CREATE FUNCTION officina_delete_cells() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            -- TG_ARGV[0]: the cells' column naming the deleted rows, `gone`.
            EXECUTE format('DELETE FROM ballot_support WHERE %I IN (SELECT id FROM gone)', TG_ARGV[0]);
            EXECUTE format('DELETE FROM ballot_ratings WHERE %I IN (SELECT id FROM gone)', TG_ARGV[0]);
            RETURN NULL;
        END $$;
        CREATE TRIGGER ballots_cells_cascade AFTER DELETE ON ballots
            REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION officina_delete_cells('ballot_id');
        CREATE TRIGGER proposals_cells_cascade AFTER DELETE ON proposals
            REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION officina_delete_cells('proposal_id');
        """)
}
