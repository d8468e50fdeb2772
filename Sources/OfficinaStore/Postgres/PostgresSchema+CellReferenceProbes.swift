extension PostgresSchema {
    /// The cell reference check of "pg-21-cell-references" by index probes. Its first version
    /// joined the inserted cells to `ballots` and `proposals`; with no statistics on a transition
    /// table the planner chose a sequential scan and a hash join, so every insert of cells read the
    /// whole `ballots` table (0.5 ms a statement at 5,000 ballots, growing with the workshop). Here
    /// each check collects the distinct ids into an array and locks the rows `id = ANY(array)`: one
    /// primary-key probe per id whatever the tables' sizes. Same locks, same errors.
    static let cellReferenceProbes = Migration("pg-23-cell-reference-probes", sql: """
        CREATE OR REPLACE FUNCTION officina_check_cell_references() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            wanted BIGINT[];
            present BIGINT[];
            missing BIGINT;
        BEGIN
            SELECT array_agg(DISTINCT ballot_id) INTO wanted FROM new_cells;
            SELECT array_agg(id) INTO present FROM (SELECT id FROM ballots WHERE id = ANY(wanted) FOR KEY SHARE) AS b;
            IF cardinality(present) IS DISTINCT FROM cardinality(wanted) THEN
                SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL(coalesce(present, '{}')) LIMIT 1;
                RAISE EXCEPTION 'insert into % names ballot % which does not exist', TG_TABLE_NAME, missing
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            SELECT array_agg(DISTINCT proposal_id) INTO wanted FROM new_cells;
            SELECT array_agg(id) INTO present FROM (SELECT id FROM proposals WHERE id = ANY(wanted) FOR KEY SHARE) AS p;
            IF cardinality(present) IS DISTINCT FROM cardinality(wanted) THEN
                SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL(coalesce(present, '{}')) LIMIT 1;
                RAISE EXCEPTION 'insert into % names proposal % which does not exist', TG_TABLE_NAME, missing
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
            RETURN NULL;
        END $$;
        """)
}
