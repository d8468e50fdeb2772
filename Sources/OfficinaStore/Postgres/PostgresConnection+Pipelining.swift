import Foundation

extension PostgresConnection {
    /// Runs `statements` in order inside the open transaction, in one round trip when libpq has
    /// pipeline mode (14+, <https://www.postgresql.org/docs/15/libpq-pipeline-mode.html>): all are
    /// sent, then one sync, then every result is read. Throws the first failure, like running them
    /// one by one; the statements after a failed one are not run (the server skips them) and the
    /// transaction is left failed, for the caller's savepoint to roll back.
    ///
    /// Outside a transaction, with one statement, or with an older libpq, they run one by one.
    public func executeAll(_ statements: [SQLStatement]) throws {
        _ = try runAll(statements)
    }

    /// Runs `statements` in order (in one round trip, as ``executeAll(_:)``) and then calls `body`
    /// with each row of each statement and that statement's index. In READ COMMITTED each statement
    /// sees what the ones before it wrote and what others committed before it started, as when they
    /// run one by one.
    public func forEachRow(in statements: [SQLStatement], _ body: (Int, Row) throws -> Void) throws {
        let results = try runAll(statements)
        for (index, result) in results.enumerated() {
            for row in 0..<result.rowCount {
                try body(index, Row(result: result, row: row))
            }
        }
    }

    /// Runs `statements` (after the pending savepoint commands, see ``savepoint(_:_:)``) and returns
    /// each statement's result, in order.
    func runAll(_ statements: [SQLStatement]) throws -> [PostgresResult] {
        guard !statements.isEmpty else { return [] }
        let pending = pendingCommands.isEmpty ? [] : takePendingCommands().map { SQLStatement($0) }
        let all = pending + statements
        guard all.count > 1, let pipeline = library.pipeline,
              library.transactionStatus(handle) == PQCode.transactionInTransaction,
              pipeline.enter(handle) == 1 else {
            if !pending.isEmpty {
                try executeScript(pending.map(\.sql).joined(separator: "; "))
            }
            return try statements.map { try run($0.sql, $0.arguments) }
        }
        var failure: StoreError?
        // What each command sent answers: a statement (by index) or the preparation of a name.
        var commands: [PipelinedCommand] = []
        for (index, statement) in all.enumerated() {
            guard queue(statement, index: index, on: pipeline, into: &commands) else {
                failure = lostError(statement.sql)
                break
            }
        }
        if pipeline.sync(handle) != 1, failure == nil {
            failure = lostError(all[0].sql)
        }
        var results: [PostgresResult?] = Array(repeating: nil, count: all.count)
        for command in commands {
            // Each command's results, then a null (<https://www.postgresql.org/docs/15/libpq-pipeline-mode.html#LIBPQ-PIPELINE-RESULTS>).
            while let raw = library.getResult(handle) {
                let result = PostgresResult(handle: raw, sql: all[command.statement].sql, library: library)
                let status = library.resultStatus(raw)
                if status == LibPQPipeline.abortedStatus { continue }
                do {
                    _ = try check(result)
                    switch command.kind {
                    case .prepare(let shape, let name): preparedStatements[shape] = name
                    case .execute:
                        lastChanges = library.cmdTuples(raw).flatMap { Int(String(cString: $0)) } ?? 0
                        results[command.statement] = result
                    }
                } catch let error as StoreError {
                    if failure == nil { failure = error }
                }
            }
        }
        // The sync's own result; none when the connection broke.
        if let raw = library.getResult(handle) {
            library.clear(raw)
        }
        if pipeline.exit(handle) != 1, failure == nil {
            failure = lostError(all[0].sql)
        }
        if let failure { throw failure }
        let answered = results.dropFirst(pending.count).compactMap { $0 }
        guard answered.count == statements.count else { throw lostError(statements[0].sql) }
        return answered
    }

    /// Sends one statement in pipeline mode, as a prepared statement of the session (preparing it
    /// first, in the same pipeline, on first use); `false` when libpq could not queue it.
    private func queue(_ statement: SQLStatement, index: Int, on pipeline: LibPQPipeline, into commands: inout [PipelinedCommand]) -> Bool {
        let text = statementText(statement.sql)
        let parameters = statement.arguments.map { PostgresParameter($0.databaseValue) }
        let types = parameters.map(\.type)
        let values = parameters.map { $0.text.map { strdup($0) } ?? nil }
        defer { values.forEach { free($0) } }
        let count = Int32(values.count)
        let shape = PreparedShape(text: text, types: types)
        return values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointers in
            if let name = preparedStatements[shape] ?? commands.lazy.compactMap({ $0.preparing(shape) }).first {
                commands.append(PipelinedCommand(statement: index, kind: .execute))
                return pipeline.sendQueryPrepared(handle, name, count, valuePointers.baseAddress, nil, nil, 0) == 1
            }
            guard preparedStatements.count + commands.count < Self.maxPreparedStatements else {
                commands.append(PipelinedCommand(statement: index, kind: .execute))
                return pipeline.sendQueryParams(handle, text, count, types, valuePointers.baseAddress, nil, nil, 0) == 1
            }
            let name = "officina_\(preparedStatements.count + 1)_\(index)"
            commands.append(PipelinedCommand(statement: index, kind: .prepare(shape, name)))
            guard pipeline.sendPrepare(handle, name, text, count, types) == 1 else { return false }
            commands.append(PipelinedCommand(statement: index, kind: .execute))
            return pipeline.sendQueryPrepared(handle, name, count, valuePointers.baseAddress, nil, nil, 0) == 1
        }
    }
}

/// A command sent in a pipeline, for reading its result: which statement it belongs to, and whether
/// it prepares a statement (recorded as prepared once the server accepted it) or runs one.
struct PipelinedCommand {
    enum Kind {
        case prepare(PreparedShape, String)
        case execute
    }

    let statement: Int
    let kind: Kind

    /// The name being prepared for `shape` by this command, if it prepares that shape.
    func preparing(_ shape: PreparedShape) -> String? {
        if case .prepare(let prepared, let name) = kind, prepared == shape { return name }
        return nil
    }
}
