extension Schema {
    /// Whether the server moves a workshop to its next phase by itself when the deadline passes.
    static let deadlineActions = Migration("10-deadline-actions", sql: """
        CREATE TABLE workshop_auto_advance (
            workshop_id INTEGER PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
            enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))
        ) STRICT;
        """)
}
