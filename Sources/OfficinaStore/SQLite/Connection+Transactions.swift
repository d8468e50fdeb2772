extension Connection {
    /// How a transaction takes its lock (<https://sqlite.org/lang_transaction.html>).
    public enum TransactionKind: String, Sendable {
        /// Takes a read lock at the first read; may fail with `SQLITE_BUSY` when it later writes.
        case deferred = "DEFERRED"
        /// Takes the write lock at `BEGIN`, so a writer never fails half-way for want of the lock.
        case immediate = "IMMEDIATE"
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue)", [])
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
    /// leaving the enclosing transaction open (<https://sqlite.org/lang_savepoint.html>).
    public func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \(name)", [])
        do {
            let value = try body()
            try execute("RELEASE \(name)", [])
            return value
        } catch {
            // An I/O error may already have rolled the whole transaction back.
            if isInTransaction {
                try? execute("ROLLBACK TO \(name)", [])
                try? execute("RELEASE \(name)", [])
            }
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
