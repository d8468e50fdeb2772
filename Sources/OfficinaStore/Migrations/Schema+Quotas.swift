extension Schema {
    /// Per-participant quotas and the per-workshop proposal cap (settings with the defaults of
    /// `WorkshopSettings`), the log of recent proposal edits that the edit rate is counted from, and
    /// the index that counts a participant's build-ons without scanning them all.
    static let quotas = Migration("5-quotas", sql: """
        ALTER TABLE workshops ADD COLUMN proposals_per_participant INTEGER NOT NULL DEFAULT 10
            CHECK (proposals_per_participant >= 1);
        ALTER TABLE workshops ADD COLUMN buildons_per_participant INTEGER NOT NULL DEFAULT 30
            CHECK (buildons_per_participant >= 1);
        ALTER TABLE workshops ADD COLUMN edits_per_minute INTEGER NOT NULL DEFAULT 20 CHECK (edits_per_minute >= 1);
        ALTER TABLE workshops ADD COLUMN max_proposals INTEGER NOT NULL DEFAULT 300 CHECK (max_proposals >= 1);

        CREATE INDEX buildons_by_author ON buildons (author_id);

        -- Only the last minute of edits is kept: each edit prunes its author's older rows.
        CREATE TABLE proposal_edits (
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            edited_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX proposal_edits_by_participant ON proposal_edits (participant_id, edited_at);
        """)
}
