extension SQLDatabase {
    /// Runs `body` between `begin` (e.g. `BEGIN IMMEDIATE`) and `COMMIT`; rolls back when the body
    /// or the commit throws, and rethrows.
    public func transaction<T>(beginningWith begin: String, _ body: () throws -> T) throws -> T {
        try execute(begin, [])
        let value: T
        do {
            value = try body()
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try execute("COMMIT", [])
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return value
    }

    /// Runs `body` inside a savepoint: released when it returns, rolled back to when it throws,
    /// leaving the enclosing transaction open. Both engines take the same statements
    /// (<https://sqlite.org/lang_savepoint.html>, <https://www.postgresql.org/docs/current/sql-savepoint.html>).
    public func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try savepointSentAtOnce(name, body)
    }

    /// ``savepoint(_:_:)`` with each command sent as it comes: what both engines do by default, and
    /// what PostgreSQL falls back to outside pipeline mode or a healthy transaction.
    public func savepointSentAtOnce<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)", [])
        // Tally changes owed by the batch so far: what a rolled-back body owed is dropped with its rows.
        let owed = tallyDeltas?.mark
        do {
            let value = try body()
            try execute("RELEASE SAVEPOINT \(name)", [])
            return value
        } catch {
            // An I/O error (SQLite) or a lost connection (PostgreSQL) may already have ended the
            // whole transaction: then there is no savepoint left to roll back to.
            if isInTransaction {
                try? execute("ROLLBACK TO SAVEPOINT \(name)", [])
                try? execute("RELEASE SAVEPOINT \(name)", [])
            }
            if let owed { tallyDeltas?.rollBack(to: owed) }
            throw error
        }
    }

    /// Rolls back the open transaction, if any; errors are ignored because there is nothing left to undo.
    public func rollbackIfNeeded() {
        if isInTransaction {
            try? execute("ROLLBACK", [])
        }
    }
}
