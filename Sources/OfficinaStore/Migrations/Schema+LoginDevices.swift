extension Schema {
    /// Browsers a facilitator has signed in from (by the hash of a long-lived device cookie): their
    /// login attempts are throttled apart from strangers' (docs/security.md, "Password guessing").
    static let loginDevices = Migration("6-login-devices", sql: """
        CREATE TABLE login_devices (
            token_hash TEXT PRIMARY KEY,
            facilitator_id INTEGER NOT NULL REFERENCES facilitators(id) ON DELETE CASCADE,
            created_at REAL NOT NULL,
            expires_at REAL NOT NULL
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX login_devices_by_facilitator ON login_devices (facilitator_id);
        """)
}
