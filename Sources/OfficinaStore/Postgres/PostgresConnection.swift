import Foundation

/// One PostgreSQL connection through libpq, loaded at run time (see ``LibPQ``).
///
/// Statements are written with SQLite's `?` parameters and rewritten to `$n`; every parameter is
/// sent as text with its type (integers `int8`, floats `float8`, bytes `bytea`, text left for the
/// server to infer), and every result is read as text. Like ``Connection``, a connection is used by
/// one thread at a time. A connection that broke is reset before its next statement, so the store
/// recovers by itself once the server is back; until then statements fail with
/// ``StoreError/Kind/unavailable``.
public final class PostgresConnection: SQLDatabase, MultiRowInsert {
    let library: LibPQ
    let handle: OpaquePointer
    /// The URL with its password hidden, for messages.
    public let displayURL: String
    /// The URL as given (with its password): a COMMIT in doubt is settled on a connection of its own.
    let url: String
    /// The transaction id of the open write batch (``beginWrite()``), asked after a lost COMMIT.
    var writeTransactionID: Int64?
    /// Test seams, each called once with the socket: just before a write batch's COMMIT is sent,
    /// and once it is sent, before its answer is read (a test cuts the connection there).
    var beforeCommitSent: ((Int32) -> Void)?
    var afterCommitSent: ((Int32) -> Void)?
    private var rewritten: [String: String] = [:]
    var lastChanges = 0
    var insertStatements: [InsertShape: String] = [:]
    /// Running-tally changes owed by the open write batch (the writer's connection only).
    public var tallyDeltas: TallyDeltas?
    /// Statements prepared on the server for this session, by text and parameter types; emptied
    /// when the connection is reset (a new session has none).
    var preparedStatements: [PreparedShape: String] = [:]
    /// `SAVEPOINT` and `RELEASE` commands waiting to go out with the next statement, and how many
    /// times such commands were sent (see `PostgresConnection+DeferredSavepoints`).
    var pendingCommands: [String] = []
    var pendingFlushes = 0

    public var dialect: SQLDialect { .postgres }

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=…`, any form libpq
    /// accepts: <https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING>).
    public init(url: String) throws {
        library = try LibPQ.loaded()
        displayURL = PostgresURL.redacted(url)
        self.url = url
        // A server that does not answer (rather than refusing) must not hang a request forever.
        let target = url.contains("connect_timeout") ? url : url + (url.contains("?") ? "&" : "?") + "connect_timeout=5"
        guard let handle = library.connectdb(target) else {
            throw StoreError(.unavailable, message: "cannot connect to \(PostgresURL.redacted(url)): out of memory")
        }
        guard library.status(handle) == PQCode.connectionOK else {
            let message = Self.trimmed(library.errorMessage(handle))
            library.finish(handle)
            throw StoreError(.unavailable, message: "cannot connect to \(PostgresURL.redacted(url)): \(message)")
        }
        self.handle = handle
        try configureSession()
    }

    deinit {
        library.finish(handle)
    }

    /// Acknowledged means committed and flushed (`synchronous_commit` on, whatever the server's
    /// default); notices such as "already exists, skipping" stay off stderr.
    private func configureSession() throws {
        try executeScript("SET synchronous_commit = on; SET client_min_messages = warning; SET TIME ZONE 'UTC'")
    }

    /// Whether the connection to the server is up.
    public var isConnected: Bool {
        library.status(handle) == PQCode.connectionOK
    }

    /// Resets a broken connection outside a transaction; throws ``StoreError/Kind/unavailable``
    /// while the server cannot be reached.
    func ensureConnected() throws {
        guard library.status(handle) != PQCode.connectionOK else { return }
        library.reset(handle)
        preparedStatements.removeAll()
        pendingCommands.removeAll()
        guard library.status(handle) == PQCode.connectionOK else {
            throw StoreError(.unavailable, message: "the database is unreachable: \(Self.trimmed(library.errorMessage(handle)))")
        }
        try configureSession()
    }

    public func executeScript(_ sql: String) throws {
        try ensureConnected()
        guard let result = library.exec(handle, withPendingCommands(sql)) else { throw lostError(sql) }
        _ = try check(PostgresResult(handle: result, sql: sql, library: library))
    }

    public func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws {
        _ = try run(sql, arguments)
    }

    public func query<T>(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ transform: (Row) throws -> T) throws -> [T] {
        let result = try run(sql, arguments)
        var rows: [T] = []
        rows.reserveCapacity(Int(result.rowCount))
        for index in 0..<result.rowCount {
            rows.append(try transform(Row(result: result, row: index)))
        }
        return rows
    }

    public func forEachRow(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ body: (Row) throws -> Void) throws {
        let result = try run(sql, arguments)
        for index in 0..<result.rowCount {
            try body(Row(result: result, row: index))
        }
    }

    public func queryOne<T>(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ transform: (Row) throws -> T) throws -> T? {
        let result = try run(sql, arguments)
        guard result.rowCount > 0 else { return nil }
        return try transform(Row(result: result, row: 0))
    }

    public var changes: Int { lastChanges }

    public var isInTransaction: Bool {
        let status = library.transactionStatus(handle)
        return status == PQCode.transactionInTransaction || status == PQCode.transactionInError
    }

    /// Inserts `values` (row after row, `columns` values each) in statements of up to 32 rows.
    public func insertRows(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws {
        try insertInBatches(prefix, columns: columns, values: values)
    }

    /// A read-only snapshot (`REPEATABLE READ`), like a SQLite read transaction in WAL mode.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try transaction(beginningWith: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// Runs one statement with its arguments and returns the checked result.
    func run(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> PostgresResult {
        // PostgreSQL answers COMMIT of a failed transaction with a successful "ROLLBACK": never
        // let that pass for a commit.
        if sql == "COMMIT", library.transactionStatus(handle) == PQCode.transactionInError {
            rollbackIfNeeded()
            throw StoreError(.sqlite, message: "the transaction had failed and was rolled back, not committed", sql: sql)
        }
        // Savepoint commands kept for the next statement go out with it, in one round trip.
        if !pendingCommands.isEmpty {
            return try runAll([SQLStatement(sql, arguments)])[0]
        }
        // Reconnecting inside a transaction would silently drop its earlier statements.
        if !isInTransaction { try ensureConnected() }
        let text = statementText(sql)
        let parameters = arguments.map { PostgresParameter($0.databaseValue) }
        let types = parameters.map(\.type)
        let values = parameters.map { $0.text.map { strdup($0) } ?? nil }
        defer { values.forEach { free($0) } }
        let result = values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointers in
            types.withUnsafeBufferPointer { typePointers in
                send(text, types: typePointers, values: valuePointers)
            }
        }
        guard let result else { throw lostError(sql) }
        let checked: PostgresResult
        do {
            checked = try check(PostgresResult(handle: result, sql: sql, library: library))
        } catch let error as StoreError where error.kind == .unavailable && sql.hasPrefix("BEGIN") && !isInTransaction {
            // libpq learns that the server dropped an idle connection only by using it; a BEGIN
            // changed nothing, so it is safe to reconnect and begin again, once.
            try ensureConnected()
            guard let again = library.exec(handle, text) else { throw error }
            checked = try check(PostgresResult(handle: again, sql: sql, library: library))
        }
        lastChanges = library.cmdTuples(checked.handle).flatMap { Int(String(cString: $0)) } ?? 0
        return checked
    }

    func statementText(_ sql: String) -> String {
        if let text = rewritten[sql] { return text }
        let text = PostgresPlaceholders.rewrite(sql)
        rewritten[sql] = text
        return text
    }

    /// The result when it succeeded; otherwise a ``StoreError`` of the kind its SQLSTATE means.
    func check(_ result: PostgresResult) throws -> PostgresResult {
        let status = library.resultStatus(result.handle)
        guard status != PQCode.commandOK, status != PQCode.tuplesOK else { return result }
        let state = library.resultErrorField(result.handle, PQCode.diagSQLState).map { String(cString: $0) } ?? ""
        let message = Self.trimmed(library.resultErrorMessage(result.handle))
        let kind = isConnected ? PostgresErrors.kind(sqlState: state) : .unavailable
        throw StoreError(kind, message: message.isEmpty ? "the database did not answer" : message, sql: result.sql)
    }

    func lostError(_ sql: String) -> StoreError {
        StoreError(.unavailable, message: "the database is unreachable: \(Self.trimmed(library.errorMessage(handle)))", sql: sql)
    }

    static func trimmed(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
}

/// A parameter as libpq takes it: a type OID (0 lets the server infer it) and text, or no text for NULL.
struct PostgresParameter {
    let type: UInt32
    let text: String?

    init(_ value: DatabaseValue) {
        switch value {
        case .null: (type, text) = (0, nil)
        case .integer(let number): (type, text) = (20, String(number))
        case .real(let number): (type, text) = (701, number.isFinite ? "\(number)" : (number.isNaN ? "NaN" : (number > 0 ? "Infinity" : "-Infinity")))
        case .text(let string): (type, text) = (0, string)
        case .blob(let bytes): (type, text) = (17, "\\x" + bytes.map { Self.hex[Int($0)] }.joined())
        }
    }

    private static let hex: [String] = (0...255).map { byte in
        let digits = Array("0123456789abcdef")
        return String([digits[byte >> 4], digits[byte & 15]])
    }
}

/// Maps SQLSTATE codes (<https://www.postgresql.org/docs/15/errcodes-appendix.html>) to store errors.
enum PostgresErrors {
    static func kind(sqlState: String) -> StoreError.Kind {
        switch sqlState.prefix(2) {
        case "23": return .constraint
        case "08", "57", "53": return .unavailable
        case "40": return .busy
        default: return sqlState == "55P03" ? .busy : .sqlite
        }
    }
}
