extension Schema {
    /// Why a proposal is hidden: the facilitator's reason, or that its author withdrew it. A table of
    /// its own (one row per proposal that has a note) so the proposals table is not rebuilt.
    static let proposalNotes = Migration("9-proposal-notes", sql: """
        CREATE TABLE proposal_notes (
            proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
            hidden_reason TEXT,
            withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
            updated_at REAL NOT NULL
        ) STRICT;
        """)
}
