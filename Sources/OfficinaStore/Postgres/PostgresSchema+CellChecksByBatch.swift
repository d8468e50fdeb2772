extension PostgresSchema {
    /// The cell reference triggers of "pg-21-cell-references" skipped for statements whose
    /// transaction says it checked their references itself (`officina.cells_checked` set to `on`
    /// with `set_config(…, true)`, which a rollback to a savepoint undoes). A batch of ballots
    /// (``PostgresBallotBatch``) does: its ballots' rows are the ones its upsert just locked, and it
    /// locks every proposal its cells name `FOR KEY SHARE` in one statement and counts them, so the
    /// trigger's two plpgsql queries per insert (an eighth of the server's time under a ballot storm)
    /// checked nothing new. Every other insert of cells is checked by the trigger as before.
    static let cellChecksByBatch = Migration("pg-25-cell-checks-by-batch", sql: """
        DROP TRIGGER ballot_support_references ON ballot_support;
        DROP TRIGGER ballot_ratings_references ON ballot_ratings;
        CREATE TRIGGER ballot_support_references AFTER INSERT ON ballot_support
            REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT
            WHEN (current_setting('officina.cells_checked', true) IS DISTINCT FROM 'on')
            EXECUTE FUNCTION officina_check_cell_references();
        CREATE TRIGGER ballot_ratings_references AFTER INSERT ON ballot_ratings
            REFERENCING NEW TABLE AS new_cells FOR EACH STATEMENT
            WHEN (current_setting('officina.cells_checked', true) IS DISTINCT FROM 'on')
            EXECUTE FUNCTION officina_check_cell_references();
        """)
}
