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
        try transaction(beginningWith: "BEGIN \(kind.rawValue)", body)
    }
}
