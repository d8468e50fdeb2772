import OfficinaCore

extension Schema {
    /// Per-workshop scoring choices and the secret behind each participant's proposal order.
    ///
    /// Workshops that exist when this runs keep `officina-1`, so their published results reproduce;
    /// a workshop without a row uses `ScoringPreferences.default`. The exposure secret is 32 bytes from
    /// the system's secure generator, made once here and never shown.
    static let scoring = Migration("8-scoring") { db in
        try db.executeScript("""
            CREATE TABLE workshop_scoring (
                workshop_id INTEGER PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
                method TEXT NOT NULL CHECK (method IN ('officina-1', 'officina-2')),
                exposure TEXT NOT NULL CHECK (exposure IN ('balanced', 'shuffled'))
            ) STRICT;
            CREATE TABLE server_secrets (
                name TEXT PRIMARY KEY,
                value BLOB NOT NULL CHECK (length(value) >= 32)
            ) STRICT;
            INSERT INTO workshop_scoring (workshop_id, method, exposure)
                SELECT id, 'officina-1', 'balanced' FROM workshops;
            """)
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        try db.execute("INSERT INTO server_secrets (name, value) VALUES ('exposure', ?)", [secret])
    }
}
