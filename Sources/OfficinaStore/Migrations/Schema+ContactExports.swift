extension Schema {
    /// Every export of contacts: who took personal data out of Officina, when, in which format, how many.
    static let contactExports = Migration("14-contact-exports", sql: """
        CREATE TABLE contact_exports (
            id INTEGER PRIMARY KEY,
            programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
            workshop_code TEXT,
            facilitator TEXT NOT NULL,
            format TEXT NOT NULL CHECK (format IN ('csv', 'vcard')),
            contacts INTEGER NOT NULL CHECK (contacts >= 0),
            created_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX contact_exports_by_programme ON contact_exports (programme_id, id);
        """)
}
