import Foundation

/// Brings a PostgreSQL database (its current schema, normally `public`) up to ``PostgresSchema``.
///
/// Runs under a session advisory lock keyed by the schema (<https://www.postgresql.org/docs/15/explicit-locking.html#ADVISORY-LOCKS>),
/// so two instances starting at once migrate one after the other: the second finds the work done.
/// Each migration commits in its own transaction together with its row in `officina_migrations`.
/// A schema holding tables of another application, or migrations this build does not know, is
/// refused untouched.
public struct PostgresMigrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = PostgresSchema.migrations) {
        self.migrations = migrations
    }

    /// Runs the pending migrations; returns the ids it applied.
    @discardableResult
    public func migrate(_ db: PostgresConnection) throws -> [String] {
        // Keyed by the schema: instances of one database wait for each other, other schemas do not.
        let lock = "SELECT pg_advisory_lock(?::int, hashtext(current_schema()))"
        try db.execute(lock, [Int64(Migrator.applicationID)])
        defer { try? db.execute("SELECT pg_advisory_unlock(?::int, hashtext(current_schema()))", [Int64(Migrator.applicationID)]) }
        try checkCompatible(db)
        try db.executeScript("""
            CREATE TABLE IF NOT EXISTS officina_migrations (
                id TEXT PRIMARY KEY NOT NULL,
                applied_at DOUBLE PRECISION NOT NULL
            )
            """)
        let applied = Set(try appliedIDs(db))
        if applied.isEmpty { try db.executeScript(PostgresSchema.prerequisites) }
        var ran: [String] = []
        for migration in migrations where !applied.contains(migration.id) {
            try db.execute("BEGIN", [])
            do {
                try migration.apply(db)
                try db.execute("INSERT INTO officina_migrations (id, applied_at) VALUES (?, ?)", [migration.id, Date()])
                try db.execute("COMMIT", [])
            } catch {
                db.rollbackIfNeeded()
                throw error
            }
            ran.append(migration.id)
        }
        return ran
    }

    /// Checks that the schema is empty or Officina's, of migrations this build knows.
    public func checkCompatible(_ db: PostgresConnection) throws {
        let ids = try appliedIDs(db)
        if ids.isEmpty {
            let tables = try db.queryOne("""
                SELECT count(*) FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_name <> 'officina_migrations'
                """, []) { $0.int64(0) } ?? 0
            guard tables == 0 else {
                throw StoreError(.incompatible, message: "\(db.displayURL) holds tables of another application, not an Officina database; refusing to touch it")
            }
            return
        }
        let known = Set(migrations.map(\.id))
        let unknown = ids.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw StoreError(.incompatible, message: "\(db.displayURL) was written by a newer Officina (unknown migrations: \(unknown.joined(separator: ", "))); upgrade Officina to open it")
        }
    }

    /// The ids recorded, or none when the migrations table does not exist yet.
    public func appliedIDs(_ db: PostgresConnection) throws -> [String] {
        let exists = try db.queryOne("SELECT to_regclass('officina_migrations') IS NOT NULL", []) { $0.bool(0) } ?? false
        guard exists else { return [] }
        return try db.query("SELECT id FROM officina_migrations ORDER BY applied_at, id", []) { $0.text(0) }
    }
}
