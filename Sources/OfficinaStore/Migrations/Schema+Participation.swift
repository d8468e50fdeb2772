extension Schema {
    /// Participants and access codes, proposals and build-ons, ballots with support and ratings.
    static let participation = Migration("2-participation", sql: """
        CREATE TABLE participants (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            token_hash TEXT NOT NULL UNIQUE,
            access_code TEXT,
            joined_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX participants_by_workshop ON participants (workshop_id);

        CREATE TABLE access_codes (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            code TEXT NOT NULL,
            created_at REAL NOT NULL,
            used_by INTEGER REFERENCES participants(id) ON DELETE SET NULL,
            used_at REAL,
            UNIQUE (workshop_id, code)
        ) STRICT;

        CREATE TABLE proposals (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            author_id INTEGER NOT NULL REFERENCES participants(id),
            title TEXT NOT NULL,
            body TEXT NOT NULL DEFAULT '',
            goals TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goals) AND json_type(goals) = 'array'),
            status TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'hidden', 'merged')),
            merged_into INTEGER REFERENCES proposals(id),
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
            CHECK (merged_into IS NULL OR merged_into <> id)
        ) STRICT;
        CREATE INDEX proposals_by_workshop ON proposals (workshop_id, id);
        CREATE INDEX proposals_by_author ON proposals (author_id);

        CREATE TABLE buildons (
            id INTEGER PRIMARY KEY,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            author_id INTEGER NOT NULL REFERENCES participants(id),
            text TEXT NOT NULL,
            created_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX buildons_by_proposal ON buildons (proposal_id, id);

        CREATE TABLE ballots (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            participant_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            UNIQUE (participant_id, workshop_id)
        ) STRICT;
        CREATE INDEX ballots_by_workshop ON ballots (workshop_id);

        CREATE TABLE ballot_support (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            dots INTEGER NOT NULL CHECK (dots >= 1),
            PRIMARY KEY (ballot_id, proposal_id)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX ballot_support_by_proposal ON ballot_support (proposal_id);

        CREATE TABLE ballot_ratings (
            ballot_id INTEGER NOT NULL REFERENCES ballots(id) ON DELETE CASCADE,
            proposal_id INTEGER NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
            goal_key TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 4),
            PRIMARY KEY (ballot_id, proposal_id, goal_key)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX ballot_ratings_by_proposal ON ballot_ratings (proposal_id);
        """)
}
