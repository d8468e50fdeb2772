extension Schema {
    /// Participant groups (docs/scoring.md §19): defined per programme, optionally declared by each
    /// participant at join, and the per-workshop setting that weighs broad support into the overall.
    ///
    /// Old databases upgrade with no groups (nobody is asked) and the setting off, so every published
    /// ranking reproduces. `participants.group_key` is NULL for "prefer not to say"; it names a key of
    /// the programme's groups, checked by the App at join (a group removed later leaves the key as it was).
    static let participantGroups = Migration("16-participant-groups", sql: """
        CREATE TABLE participant_groups (
            programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 32),
            label_it TEXT NOT NULL,
            label_en TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (programme_id, key)
        ) STRICT, WITHOUT ROWID;

        ALTER TABLE participants ADD COLUMN group_key TEXT CHECK (group_key IS NULL OR length(group_key) BETWEEN 1 AND 32);

        ALTER TABLE workshop_scoring ADD COLUMN bridging INTEGER NOT NULL DEFAULT 0 CHECK (bridging IN (0, 1));
        """)
}
