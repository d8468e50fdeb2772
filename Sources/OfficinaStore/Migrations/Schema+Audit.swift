extension Schema {
    /// The merge audit trail (with what undoing a merge needs) and the per-workshop event log that
    /// live-update clients resume from.
    static let audit = Migration("3-merges-events", sql: """
        CREATE TABLE merges (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            from_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            into_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            from_status TEXT NOT NULL CHECK (from_status IN ('visible', 'hidden')),
            merged_by TEXT NOT NULL,
            merged_at REAL NOT NULL,
            undone_at REAL,
            CHECK (from_id <> into_id)
        ) STRICT;
        CREATE INDEX merges_by_workshop ON merges (workshop_id, id);
        CREATE INDEX merges_by_from ON merges (from_id);

        -- One row per ballot whose support the merge moved: enough to put it back.
        CREATE TABLE merge_moves (
            merge_id INTEGER NOT NULL REFERENCES merges(id) ON DELETE CASCADE,
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            from_dots INTEGER NOT NULL CHECK (from_dots >= 1),
            into_before INTEGER NOT NULL CHECK (into_before >= 0),
            into_after INTEGER NOT NULL CHECK (into_after >= into_before),
            PRIMARY KEY (merge_id, ballot_id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE events (
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL CHECK (seq >= 1),
            type TEXT NOT NULL,
            data TEXT NOT NULL,
            created_at REAL NOT NULL,
            PRIMARY KEY (workshop_id, seq)
        ) STRICT, WITHOUT ROWID;
        """)
}
