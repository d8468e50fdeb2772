import Foundation

/// The writer's transactions on PostgreSQL, which may end in doubt.
///
/// Over a network a COMMIT can reach the server, be committed and flushed, and its answer still be
/// lost with the connection (a restart, a cut link). Each write batch therefore learns its
/// transaction id when it begins, in the same round trip as `BEGIN`; a COMMIT whose answer is lost
/// throws ``InDoubtCommit``, and the writer asks the server later what became of that id
/// (`txid_status`, <https://www.postgresql.org/docs/15/functions-info.html#FUNCTIONS-PG-SNAPSHOT>;
/// PostgreSQL 10 and later) instead of refusing writes that may be stored.
extension PostgresConnection {
    /// `BEGIN` and `SELECT txid_current()` in one round trip (the simple query protocol runs both).
    public func beginWrite() throws {
        writeTransactionID = nil
        pendingCommands.removeAll()
        let sql = "BEGIN; SELECT txid_current()"
        let result: PostgresResult
        do {
            do {
                try ensureConnected()
                result = try runSimple(sql)
            } catch let error as StoreError where error.kind == .unavailable && !isInTransaction {
                // libpq learns that the server dropped an idle connection only by using it; nothing
                // began, so it is safe to reconnect and begin again, once.
                try ensureConnected()
                result = try runSimple(sql)
            }
        } catch {
            rollbackIfNeeded()
            throw error
        }
        writeTransactionID = result.rowCount > 0 ? result.int64(row: 0, column: 0) : nil
    }

    /// `COMMIT`; when its answer is lost with the connection, throws ``InDoubtCommit`` with the
    /// batch's transaction id and a way to ask the server about it on a new connection.
    public func commitWrite() throws {
        let transactionID = writeTransactionID
        writeTransactionID = nil
        guard let transactionID, library.transactionStatus(handle) == PQCode.transactionInTransaction else {
            // A failed transaction is rolled back and refused by `execute`; without an id there is
            // nothing to ask.
            try execute("COMMIT", [])
            return
        }
        do {
            try sendCommit()
        } catch let error as StoreError where error.kind == .unavailable {
            let url = self.url
            throw InDoubtCommit(transactionID: transactionID, cause: error) {
                Self.outcome(of: transactionID, url: url)
            }
        }
    }

    /// Sends COMMIT and reads its answer in two steps (as `PQexec` does), so the test seams
    /// ``beforeCommitSent`` and ``afterCommitSent`` can cut the connection around the sending.
    private func sendCommit() throws {
        let sql = "COMMIT"
        if let hook = beforeCommitSent {
            beforeCommitSent = nil
            hook(library.socket(handle))
        }
        // A last write's `RELEASE` still waiting goes in the same simple query: if it failed, the
        // COMMIT after it would not run and the transaction would stay failed, never committed.
        guard library.sendQuery(handle, withPendingCommands(sql)) == 1 else { throw lostError(sql) }
        if let hook = afterCommitSent {
            afterCommitSent = nil
            hook(library.socket(handle))
        }
        var answer: PostgresResult?
        while let next = library.getResult(handle) {
            let result = PostgresResult(handle: next, sql: sql, library: library)
            // Keep the first error (a later "connection lost" says less than the server's own).
            if let kept = answer, library.resultStatus(kept.handle) != PQCode.commandOK { continue }
            answer = result
        }
        guard let answer else { throw lostError(sql) }
        _ = try check(answer)
    }

    /// What the server says of transaction `transactionID`, asked on a connection of its own (the
    /// writer's may still be broken). Never throws: an unreachable server is `.undecided`.
    static func outcome(of transactionID: Int64, url: String) -> InDoubtCommit.Outcome {
        do {
            let connection = try PostgresConnection(url: url)
            let status = try connection.queryOne("SELECT txid_status(?)", [transactionID]) { $0.optionalText(0) } ?? nil
            switch status {
            case "committed": return .committed
            case "aborted": return .aborted
            case "in progress": return .undecided("still in progress")
            default: return .undecided("the server no longer knows it")
            }
        } catch {
            return .undecided("\(error)")
        }
    }

    /// Runs `sql` (one or more statements, no parameters) and returns the last statement's result.
    private func runSimple(_ sql: String) throws -> PostgresResult {
        guard let result = library.exec(handle, sql) else { throw lostError(sql) }
        return try check(PostgresResult(handle: result, sql: sql, library: library))
    }
}
