extension Schema {
    /// Pairwise voting: the `pairwise` flag on workshops (the `voting_method` column's CHECK predates
    /// it; see `VotingMethod+Stored`) and one row per answered pair.
    ///
    /// A pair is stored smaller id first (`low_id < high_id`), so each participant answers a pair at
    /// most once whichever way round it was shown; `winner_id` is NULL for a skip. Adding a column
    /// with a constant default rewrites no rows, so existing workshops simply read as not pairwise.
    static let comparisons = Migration("17-comparisons") { db in
        try db.executeScript("""
            ALTER TABLE workshops ADD COLUMN pairwise INTEGER NOT NULL DEFAULT 0 CHECK (pairwise IN (0, 1));
            CREATE TABLE comparisons (
                id INTEGER PRIMARY KEY,
                workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
                participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
                low_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
                high_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
                winner_id INTEGER CHECK (winner_id IS NULL OR winner_id = low_id OR winner_id = high_id),
                created_at REAL NOT NULL,
                CHECK (low_id < high_id),
                UNIQUE (participant_id, low_id, high_id)
            ) STRICT;
            CREATE INDEX comparisons_by_workshop ON comparisons (workshop_id, id);
            """)
    }
}
