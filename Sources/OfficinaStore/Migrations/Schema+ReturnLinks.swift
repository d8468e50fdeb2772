extension Schema {
    /// Personal return links (one per participant, reusable until revoked or reissued) and the extra
    /// devices a participant signed in on through one. Tokens are stored only as their SHA-256.
    static let returnLinks = Migration("13-return-links", sql: """
        CREATE TABLE return_links (
            participant_id INTEGER PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE,
            created_by TEXT NOT NULL,
            created_at REAL NOT NULL
        ) STRICT;

        CREATE TABLE participant_devices (
            token_hash TEXT PRIMARY KEY NOT NULL,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            created_at REAL NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX participant_devices_by_participant ON participant_devices (participant_id);
        """)
}
