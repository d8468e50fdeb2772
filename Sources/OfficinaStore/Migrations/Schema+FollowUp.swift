extension Schema {
    /// Follow-up actions decided after a workshop closes, and their dated progress notes.
    static let followUp = Migration("12-follow-up", sql: """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            proposal_id INTEGER REFERENCES proposals(id) ON DELETE SET NULL,
            title TEXT NOT NULL CHECK (length(title) >= 1),
            owner_name TEXT NOT NULL DEFAULT '',
            owner_participant_id INTEGER REFERENCES participants(id) ON DELETE SET NULL,
            next_step TEXT NOT NULL DEFAULT '',
            due_date TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
            status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'done', 'dropped')),
            drop_reason TEXT NOT NULL DEFAULT '',
            created_by TEXT NOT NULL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            CHECK (status <> 'dropped' OR drop_reason <> '')
        ) STRICT;
        CREATE INDEX actions_by_workshop ON actions (workshop_id, id);
        CREATE INDEX actions_by_proposal ON actions (proposal_id);
        CREATE INDEX actions_by_owner ON actions (owner_participant_id);

        CREATE TABLE action_notes (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            note_date TEXT NOT NULL CHECK (date(note_date) IS note_date),
            created_by TEXT NOT NULL,
            created_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX action_notes_by_action ON action_notes (action_id, id);
        """)
}
