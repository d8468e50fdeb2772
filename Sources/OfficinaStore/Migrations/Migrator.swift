import Foundation

/// Brings a database file up to the schema of this build, refusing files it must not touch.
///
/// Every Officina file carries `PRAGMA application_id` = ``applicationID`` and the ids of the
/// migrations applied to it. On open:
/// - a file that is not SQLite, or a SQLite file of another application, is refused untouched;
/// - a file holding a migration id this build does not know (written by a newer Officina) is refused;
/// - every pending migration runs in its own `BEGIN IMMEDIATE` transaction with foreign keys off, and
///   `PRAGMA foreign_key_check` must come back empty before it commits.
///
/// See <https://sqlite.org/pragma.html#pragma_application_id> and
/// <https://sqlite.org/pragma.html#pragma_foreign_key_check>.
public struct Migrator: Sendable {
    /// "OFCN" in ASCII, identifying Officina files (<https://sqlite.org/fileformat.html#application_id>).
    public static let applicationID: Int32 = 0x4F46_434E

    public let migrations: [Migration]

    public init(migrations: [Migration]) {
        self.migrations = migrations
    }

    /// Checks that `connection`'s file is empty or an Officina database this build understands,
    /// without writing anything.
    public func checkCompatible(_ connection: Connection) throws {
        let applicationID: Int32
        do {
            applicationID = try connection.queryOne("PRAGMA application_id") { Int32(truncatingIfNeeded: $0.int64(0)) } ?? 0
        } catch let error as StoreError where error.kind == .incompatible {
            throw StoreError(.incompatible, code: error.code, message: "\(connection.path) is not a SQLite database; refusing to touch it")
        }
        if applicationID == 0 {
            let objects = try connection.queryOne("SELECT count(*) FROM sqlite_schema") { $0.int64(0) } ?? 0
            guard objects == 0 else {
                throw StoreError(.incompatible, message: "\(connection.path) is a SQLite database of another application, not an Officina database; refusing to touch it")
            }
            return
        }
        guard applicationID == Self.applicationID else {
            throw StoreError(.incompatible, message: "\(connection.path) belongs to another application (application_id \(applicationID)); refusing to touch it")
        }
        let known = Set(migrations.map(\.id))
        let unknown = try appliedIDs(connection).filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(.incompatible, message: "\(connection.path) was written by a newer Officina (unknown migrations: \(unknown.joined(separator: ", "))); upgrade Officina to open it")
        }
    }

    /// Runs the pending migrations in order; returns the ids it applied.
    @discardableResult
    public func migrate(_ connection: Connection) throws -> [String] {
        try checkCompatible(connection)
        try connection.executeScript("""
            CREATE TABLE IF NOT EXISTS officina_migrations (
                id TEXT PRIMARY KEY NOT NULL,
                applied_at REAL NOT NULL
            ) STRICT
            """)
        let applied = Set(try appliedIDs(connection))
        var ran: [String] = []
        // Off for the migrations, so that rebuilding a table cannot cascade or fail half-way; the
        // pragma is a no-op inside a transaction, hence here. `foreign_key_check` guards each commit.
        let enforced = try connection.pragma("foreign_keys") == "1"
        try connection.setPragma("foreign_keys", "OFF")
        defer { if enforced { _ = try? connection.setPragma("foreign_keys", "ON") } }
        for migration in migrations where !applied.contains(migration.id) {
            try connection.transaction(.immediate) {
                try migration.apply(connection)
                let violations = try connection.query("PRAGMA foreign_key_check") { $0.text(0) }
                guard violations.isEmpty else {
                    throw StoreError(.constraint, message: "migration \(migration.id) leaves foreign keys broken in: \(Set(violations).sorted().joined(separator: ", "))")
                }
                try connection.execute("INSERT INTO officina_migrations (id, applied_at) VALUES (?, ?)", [migration.id, Date()])
                try connection.setPragma("application_id", String(Self.applicationID))
            }
            ran.append(migration.id)
        }
        return ran
    }

    /// The ids recorded in the file, or none when it has no migrations table yet.
    public func appliedIDs(_ connection: Connection) throws -> [String] {
        let hasTable = try connection.queryOne(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'officina_migrations'"
        ) { $0.int64(0) } ?? 0
        guard hasTable > 0 else { return [] }
        return try connection.query("SELECT id FROM officina_migrations ORDER BY rowid") { $0.text(0) }
    }
}
