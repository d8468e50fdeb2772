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
        \(referenceCheck(column: "ballot_id", table: "ballots", noun: "ballot"))
        \(referenceCheck(column: "proposal_id", table: "proposals", noun: "proposal"))
            RETURN NULL;
        END $$;
        """)

    /// The check of one referenced table: the distinct ids of `column` among the new cells, the rows
    /// of `table` with those ids locked `FOR KEY SHARE`, and SQLSTATE 23503 naming the first id
    /// missing, as a foreign key would.
    private static func referenceCheck(column: String, table: String, noun: String) -> String {
        """
            SELECT array_agg(DISTINCT \(column)) INTO wanted FROM new_cells;
            SELECT array_agg(id) INTO present FROM (SELECT id FROM \(table) WHERE id = ANY(wanted) FOR KEY SHARE) AS referenced;
            IF cardinality(present) IS DISTINCT FROM cardinality(wanted) THEN
                SELECT w INTO missing FROM unnest(wanted) AS w WHERE w <> ALL(coalesce(present, '{}')) LIMIT 1;
                RAISE EXCEPTION 'insert into % names \(noun) % which does not exist', TG_TABLE_NAME, missing
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
        """
    }
}
