extension PostgresSchema {
    /// PostgreSQL twin of SQLite's "16-participant-groups" (groups per programme, a participant's
    /// declared group, the per-workshop bridging setting).
    static let participantGroups = Migration("pg-16-participant-groups", sql: """
        CREATE TABLE participant_groups (
            programme_id BIGINT NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 32),
            label_it TEXT NOT NULL,
            label_en TEXT NOT NULL,
            position BIGINT NOT NULL,
            PRIMARY KEY (programme_id, key)
        );
        ALTER TABLE participants ADD COLUMN group_key TEXT CHECK (group_key IS NULL OR length(group_key) BETWEEN 1 AND 32);
        ALTER TABLE workshop_scoring ADD COLUMN bridging BIGINT NOT NULL DEFAULT 0 CHECK (bridging IN (0, 1));
        """)
}
