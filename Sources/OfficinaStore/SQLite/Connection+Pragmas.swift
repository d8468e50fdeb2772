import CSQLite

extension Connection {
    /// Reads a pragma's value as text (<https://sqlite.org/pragma.html>).
    public func pragma(_ name: String) throws -> String? {
        try queryOne("PRAGMA \(name)") { $0.text(0) }
    }

    /// Sets a pragma and returns the value SQLite reports back, which may differ from the one asked
    /// for (`journal_mode` answers the mode actually in effect).
    @discardableResult
    public func setPragma(_ name: String, _ value: String) throws -> String? {
        // Pragma values cannot be bound; callers pass only constants of ours.
        let statement = try prepare("PRAGMA \(name) = \(value)")
        defer { statement.release() }
        guard try statement.step() else { return nil }
        return Row(statement: statement).text(0)
    }

    /// Sets how long a statement waits for a lock before failing with `SQLITE_BUSY`
    /// (<https://sqlite.org/c3ref/busy_timeout.html>).
    public func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    /// Turns on foreign-key enforcement, which SQLite leaves off by default on every new connection
    /// (<https://sqlite.org/foreignkeys.html#fk_enable>), and checks that it took effect.
    public func enableForeignKeys() throws {
        try setPragma("foreign_keys", "ON")
        guard try pragma("foreign_keys") == "1" else {
            throw StoreError(.sqlite, message: "foreign keys could not be enabled (SQLite built without them?)")
        }
    }

    /// Runs `PRAGMA integrity_check` and returns its lines; `["ok"]` for a sound file
    /// (<https://sqlite.org/pragma.html#pragma_integrity_check>).
    public func integrityCheck() throws -> [String] {
        try query("PRAGMA integrity_check") { $0.text(0) }
    }
}
