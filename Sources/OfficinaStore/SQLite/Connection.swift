import CSQLite

/// One SQLite database connection.
///
/// A connection is used by one thread at a time: the store hands the writer connection to its
/// writer thread and each reader connection to one caller at a time. Statements run through
/// ``execute(_:_:)`` and ``query(_:_:_:)`` are prepared once and cached for reuse.
///
/// ```swift
/// let connection = try Connection(path: "/tmp/x.db")
/// try connection.execute("CREATE TABLE t (n INTEGER)")
/// try connection.execute("INSERT INTO t (n) VALUES (?)", [42])
/// let numbers = try connection.query("SELECT n FROM t", []) { $0.int64(0) }
/// ```
/// See <https://sqlite.org/c3ref/open.html>.
public final class Connection {
    /// How to open the file.
    public struct OpenMode: Sendable, Hashable {
        /// Read and write; create the file when `create` is set.
        public static let readWriteCreate = OpenMode(flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        /// Read and write an existing file.
        public static let readWrite = OpenMode(flags: SQLITE_OPEN_READWRITE)
        /// Read only.
        public static let readOnly = OpenMode(flags: SQLITE_OPEN_READONLY)

        let flags: Int32
    }

    let handle: OpaquePointer
    /// The file this connection opened.
    public let path: String
    private var cache: [String: Statement] = [:]
    /// SQL texts of multi-row inserts by shape (see `insertRows`).
    var insertStatements: [InsertShape: String] = [:]
    /// Running-tally changes owed by the open write batch (the writer's connection only).
    public var tallyDeltas: TallyDeltas?

    /// Opens `path`. A handle is closed even when opening failed, as sqlite.org requires
    /// (<https://sqlite.org/c3ref/open.html>: "a database connection handle is usually returned, even
    /// if an error occurs").
    public init(path: String, mode: OpenMode = .readWriteCreate) throws {
        Connection.configureLibrary()
        var handle: OpaquePointer?
        // NOMUTEX: each connection is confined to one thread at a time by the store.
        let flags = mode.flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map(Connection.message) ?? "out of memory"
            sqlite3_close_v2(handle)
            throw StoreError(.cannotOpen, code: code, message: "cannot open \(path): \(message)")
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without arguments (schema, pragmas, transaction control).
    /// See <https://sqlite.org/c3ref/exec.html>.
    public func executeScript(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        defer { sqlite3_free(errorMessage) }
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? Connection.message(handle)
            throw StoreError(code: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// Runs one statement with bound arguments, through the statement cache.
    public func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        try statement.run()
    }

    /// Runs a query and maps every row.
    public func query<T>(
        _ sql: String, _ arguments: [any DatabaseValueConvertible], _ transform: (Row) throws -> T
    ) throws -> [T] {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        return try statement.map(transform)
    }

    /// Runs a query and calls `body` for every row.
    public func forEachRow(
        _ sql: String, _ arguments: [any DatabaseValueConvertible], _ body: (Row) throws -> Void
    ) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.release() }
        while try statement.step() {
            try body(Row(statement: statement))
        }
    }

    /// Runs a query and maps its first row, or returns `nil` when there is none.
    public func queryOne<T>(
        _ sql: String, _ arguments: [any DatabaseValueConvertible], _ transform: (Row) throws -> T
    ) throws -> T? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { statement.release() }
        guard try statement.step() else { return nil }
        return try transform(Row(statement: statement))
    }

    /// Prepares a statement outside the cache (for statements run once).
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: handle, sql: sql)
    }

    /// The prepared statement for `sql`, prepared on first use and reused afterwards.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = cache[sql] { return statement }
        let statement = try prepare(sql)
        cache[sql] = statement
        return statement
    }

    /// The rowid of the last inserted row (<https://sqlite.org/c3ref/last_insert_rowid.html>).
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement (<https://sqlite.org/c3ref/changes.html>).
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Whether a transaction is open (<https://sqlite.org/c3ref/get_autocommit.html>).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Process-wide settings, applied once before the library's first use. If another part of the
    /// process initialised SQLite first, `sqlite3_config` refuses and the defaults stay: harmless.
    private static let libraryConfiguration: Void = {
        _ = officina_sqlite_config_memstatus(0)
        _ = sqlite3_initialize()
    }()

    static func configureLibrary() {
        libraryConfiguration
    }

    static func message(_ handle: OpaquePointer) -> String {
        String(cString: sqlite3_errmsg(handle))
    }
}
