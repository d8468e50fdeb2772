import Foundation

/// Savepoints that cost no round trip of their own on PostgreSQL.
///
/// Every write of a batch runs inside a savepoint (``Writer``), so `SAVEPOINT` and `RELEASE` were
/// two of a ballot's round trips, each waiting for an answer that carries nothing: inside an open,
/// healthy transaction neither can fail except with the connection. They are therefore kept aside
/// (``pendingCommands``) and sent in front of the next statement, in the same pipeline (or the same
/// simple query): a write's `SAVEPOINT` travels with its first statement, its `RELEASE` with the
/// next write's first statement, the batch's closing statements or its `COMMIT`. A write whose body
/// runs no statement costs nothing, whether it returns or throws.
///
/// What is kept: a body that throws is undone alone (`ROLLBACK TO SAVEPOINT`, sent at once); if a
/// pending command ever failed, its error reaches whichever statement carried it and the
/// transaction stays failed, so the batch is not committed and no write of it is acknowledged.
extension PostgresConnection {
    public func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T {
        guard library.pipeline != nil, library.transactionStatus(handle) == PQCode.transactionInTransaction else {
            return try savepointSentAtOnce(name, body)
        }
        let command = "SAVEPOINT \(name)"
        pendingCommands.append(command)
        let position = pendingCommands.count - 1
        let flushes = pendingFlushes
        // Tally changes owed by the batch so far: what a rolled-back body owed is dropped with its rows.
        let owed = tallyDeltas?.mark
        // Whether `SAVEPOINT` is still waiting here: then nothing of the body reached the server.
        var unsent: Bool { pendingFlushes == flushes }
        do {
            let value = try body()
            if unsent {
                pendingCommands.removeSubrange(position...)
            } else {
                pendingCommands.append("RELEASE SAVEPOINT \(name)")
            }
            return value
        } catch {
            if let owed { tallyDeltas?.rollBack(to: owed) }
            if unsent {
                pendingCommands.removeSubrange(position...)
            } else {
                // Anything still pending belongs to savepoints inside this one, which the rollback
                // undoes anyway; sending it first could fail in a failed transaction and stop the rollback.
                pendingCommands.removeAll()
                if isInTransaction {
                    try? executeScript("ROLLBACK TO SAVEPOINT \(name); RELEASE SAVEPOINT \(name)")
                }
            }
            throw error
        }
    }

    /// Rolls back the open transaction, if any; commands kept for it are dropped with it.
    public func rollbackIfNeeded() {
        pendingCommands.removeAll()
        if isInTransaction {
            try? execute("ROLLBACK", [])
        }
    }

    /// The pending commands, handed over to be sent now (in front of the caller's statement).
    func takePendingCommands() -> [String] {
        guard !pendingCommands.isEmpty else { return [] }
        defer { pendingCommands.removeAll() }
        pendingFlushes += 1
        return pendingCommands
    }

    /// `sql` with the pending commands in front, for the simple query protocol (several statements, one round trip).
    func withPendingCommands(_ sql: String) -> String {
        let pending = takePendingCommands()
        return pending.isEmpty ? sql : (pending + [sql]).joined(separator: "; ")
    }
}
