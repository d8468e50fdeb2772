extension Schema {
    /// Offers of help and the kinds of help each programme asks for. Every programme already in the
    /// database gets the default kinds, so an old database upgrades to a working list.
    ///
    /// A contact is stored only with the consent given for it (text version and time): the `CHECK`
    /// keeps one from existing without the other. Withdrawing an offer deletes its row.
    static let offers = Migration("11-offers", sql: """
        CREATE TABLE offer_kinds (
            programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 32),
            label_it TEXT NOT NULL,
            label_en TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (programme_id, key)
        ) STRICT, WITHOUT ROWID;

        INSERT INTO offer_kinds (programme_id, key, label_it, label_en, position)
        SELECT p.id, k.key, k.label_it, k.label_en, k.position FROM programmes p, (
            SELECT 'time' AS key, 'tempo' AS label_it, 'time' AS label_en, 0 AS position
            UNION ALL SELECT 'skills', 'competenze', 'skills', 1
            UNION ALL SELECT 'space', 'uno spazio', 'a space', 2
            UNION ALL SELECT 'contacts', 'contatti', 'contacts', 3
            UNION ALL SELECT 'materials', 'materiali', 'materials', 4
            UNION ALL SELECT 'funding', 'finanziamenti', 'funding', 5
        ) k;

        CREATE TABLE offers (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            proposal_id INTEGER REFERENCES proposals(id) ON DELETE CASCADE,
            author_id INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
            note TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            contact_type TEXT CHECK (contact_type IN ('email', 'phone')),
            contact TEXT,
            consent_version TEXT,
            consented_at REAL,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            CHECK ((contact IS NULL) = (contact_type IS NULL)),
            CHECK ((contact IS NULL) = (consent_version IS NULL)),
            CHECK ((contact IS NULL) = (consented_at IS NULL))
        ) STRICT;
        CREATE INDEX offers_by_workshop ON offers (workshop_id, id);
        CREATE INDEX offers_by_author ON offers (author_id);
        CREATE INDEX offers_by_proposal ON offers (proposal_id);
        """)
}
