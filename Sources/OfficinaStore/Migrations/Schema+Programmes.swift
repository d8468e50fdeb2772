extension Schema {
    /// Programmes, goals, workshops and their phase log; facilitator accounts, sessions, setup tokens.
    static let programmes = Migration("1-programmes", sql: """
        CREATE TABLE programmes (
            id INTEGER PRIMARY KEY,
            title_it TEXT NOT NULL,
            title_en TEXT NOT NULL,
            description_it TEXT NOT NULL DEFAULT '',
            description_en TEXT NOT NULL DEFAULT '',
            created_at REAL NOT NULL
        ) STRICT;

        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 32),
            label_it TEXT NOT NULL,
            label_en TEXT NOT NULL,
            weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
            position INTEGER NOT NULL,
            UNIQUE (programme_id, key)
        ) STRICT;

        CREATE TABLE workshops (
            id INTEGER PRIMARY KEY,
            programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            theme TEXT NOT NULL,
            title_it TEXT NOT NULL,
            title_en TEXT NOT NULL,
            description_it TEXT NOT NULL DEFAULT '',
            description_en TEXT NOT NULL DEFAULT '',
            code TEXT NOT NULL UNIQUE CHECK (length(code) = 6),
            phase TEXT NOT NULL DEFAULT 'draft' CHECK (phase IN ('draft', 'collecting', 'voting', 'closed')),
            voting_method TEXT NOT NULL CHECK (voting_method IN ('approval', 'dots')),
            dot_budget INTEGER NOT NULL CHECK (dot_budget >= 0),
            per_proposal_cap INTEGER NOT NULL CHECK (per_proposal_cap >= 1),
            ratings_enabled INTEGER NOT NULL CHECK (ratings_enabled IN (0, 1)),
            anonymous INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
            shuffle_proposals INTEGER NOT NULL CHECK (shuffle_proposals IN (0, 1)),
            show_live_tallies INTEGER NOT NULL CHECK (show_live_tallies IN (0, 1)),
            allow_self_support INTEGER NOT NULL CHECK (allow_self_support IN (0, 1)),
            require_access_code INTEGER NOT NULL CHECK (require_access_code IN (0, 1)),
            deadline REAL,
            position INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX workshops_by_programme ON workshops (programme_id, position);

        CREATE TABLE phase_log (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            from_phase TEXT NOT NULL CHECK (from_phase IN ('draft', 'collecting', 'voting', 'closed')),
            to_phase TEXT NOT NULL CHECK (to_phase IN ('draft', 'collecting', 'voting', 'closed')),
            changed_by TEXT NOT NULL,
            changed_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX phase_log_by_workshop ON phase_log (workshop_id, id);

        CREATE TABLE facilitators (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 64),
            password_hash TEXT NOT NULL,
            created_at REAL NOT NULL
        ) STRICT;

        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY NOT NULL,
            facilitator_id INTEGER NOT NULL REFERENCES facilitators(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX sessions_by_facilitator ON sessions (facilitator_id);

        CREATE TABLE setup_tokens (
            token_hash TEXT PRIMARY KEY NOT NULL,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL,
            used_at REAL
        ) STRICT;
        """)
}
