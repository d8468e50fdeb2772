/// What repositories, migrations and the App need from a database connection, whichever engine is
/// behind it: statements with `?` parameters, rows, savepoints and transactions.
///
/// SQLite's ``Connection`` and PostgreSQL's ``PostgresConnection`` conform. Write SQL that both
/// engines accept (see docs/scaling.md, "Portable SQL"): `INSERT … ON CONFLICT … DO NOTHING` rather
/// than `INSERT OR IGNORE`, `RETURNING id` rather than the last rowid, `greatest`/`least` through
/// ``SQLDialect``, integers 0/1 for booleans.
///
/// ```swift
/// func count(_ db: any SQLDatabase) throws -> Int64 {
///     try db.queryOne("SELECT count(*) FROM workshops WHERE phase = ?", ["voting"]) { $0.int64(0) } ?? 0
/// }
/// ```
public protocol SQLDatabase: AnyObject {
    /// Which engine runs the SQL, for the few statements that must differ.
    var dialect: SQLDialect { get }

    /// Runs one or more statements without arguments (schema, transaction control).
    func executeScript(_ sql: String) throws

    /// Runs one statement with bound arguments.
    func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws

    /// Runs a query and maps every row.
    func query<T>(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ transform: (Row) throws -> T) throws -> [T]

    /// Runs a query and calls `body` for every row.
    func forEachRow(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ body: (Row) throws -> Void) throws

    /// Runs a query and maps its first row, or returns `nil` when there is none.
    func queryOne<T>(_ sql: String, _ arguments: [any DatabaseValueConvertible], _ transform: (Row) throws -> T) throws -> T?

    /// Inserts `values` (row after row, `columns` values each); `prefix` is the statement up to `VALUES`.
    func insertRows(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws

    /// Runs `statements` in order, stopping at the first that fails and throwing its error. On
    /// PostgreSQL inside a transaction they go out together (pipeline mode, one round trip).
    func executeAll(_ statements: [SQLStatement]) throws

    /// Runs `statements` in order, then calls `body` with each row of each and the index of the
    /// statement it came from; throws the first failure. On PostgreSQL inside a transaction they go
    /// out together (one round trip), each still a statement of its own.
    func forEachRow(in statements: [SQLStatement], _ body: (Int, Row) throws -> Void) throws

    /// Rows changed by the last statement.
    var changes: Int { get }

    /// Whether a transaction is open.
    var isInTransaction: Bool { get }

    /// Opens the transaction a batch of writes runs in (SQLite: `BEGIN IMMEDIATE`).
    func beginWrite() throws

    /// Commits the transaction ``beginWrite()`` opened. On PostgreSQL a COMMIT whose answer was lost
    /// with the connection throws ``InDoubtCommit``, carrying how to learn whether it committed.
    func commitWrite() throws

    /// Runs `body` in a short read-only transaction that sees one consistent snapshot.
    func readTransaction<T>(_ body: () throws -> T) throws -> T

    /// Runs `body` inside a savepoint: released when it returns, rolled back to when it throws.
    func savepoint<T>(_ name: String, _ body: () throws -> T) throws -> T

    /// Rolls back the open transaction, if any.
    func rollbackIfNeeded()

    /// Running-tally changes owed by the open write batch (see ``TallyDeltas``), or `nil` outside
    /// one, where a ballot write applies its own at once. Savepoints keep it in step with the rows.
    var tallyDeltas: TallyDeltas? { get set }
}

/// The SQL engine behind an ``SQLDatabase``.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgres

    /// The larger of two values: SQLite's scalar `max(a, b)` is PostgreSQL's `greatest(a, b)`.
    public var greatest: String { self == .sqlite ? "max" : "greatest" }
    /// The smaller of two values: SQLite's scalar `min(a, b)` is PostgreSQL's `least(a, b)`.
    public var least: String { self == .sqlite ? "min" : "least" }
}

extension SQLDatabase {
    /// Runs one statement without arguments.
    public func execute(_ sql: String) throws {
        try execute(sql, [])
    }

    /// Runs a query without arguments and maps every row.
    public func query<T>(_ sql: String, _ transform: (Row) throws -> T) throws -> [T] {
        try query(sql, [], transform)
    }

    /// Runs a query without arguments and maps its first row.
    public func queryOne<T>(_ sql: String, _ transform: (Row) throws -> T) throws -> T? {
        try queryOne(sql, [], transform)
    }

    /// One statement after the other (SQLite is in process: nothing to gain from sending them together).
    public func executeAll(_ statements: [SQLStatement]) throws {
        for statement in statements {
            try execute(statement.sql, statement.arguments)
        }
    }

    /// One statement after the other, each row handed over as it is read.
    public func forEachRow(in statements: [SQLStatement], _ body: (Int, Row) throws -> Void) throws {
        for (index, statement) in statements.enumerated() {
            try forEachRow(statement.sql, statement.arguments) { try body(index, $0) }
        }
    }

    /// Runs `body` inside a savepoint named `officina`.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try savepoint("officina", body)
    }

    /// Runs an `INSERT … RETURNING id` and returns the new row's id.
    public func insertReturningID(_ sql: String, _ arguments: [any DatabaseValueConvertible]) throws -> Int64 {
        guard let id = try queryOne(sql, arguments, { $0.int64(0) }) else {
            throw StoreError(.sqlite, message: "the insert returned no id", sql: sql)
        }
        return id
    }
}
