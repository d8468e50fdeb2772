/// One step of the schema, identified by a stable id and run once, in order, in its own transaction.
///
/// Ids are recorded in the `officina_migrations` table. Never change a migration that has shipped:
/// add a new one with a new id.
public struct Migration: Sendable {
    /// A stable id such as `"1-programmes"`; the order is the order of registration, not of ids.
    public let id: String
    /// Applies the step; runs inside a transaction. On SQLite foreign keys are off meanwhile and
    /// checked before commit; on PostgreSQL they are enforced as always.
    public let apply: @Sendable (any SQLDatabase) throws -> Void

    public init(_ id: String, apply: @escaping @Sendable (any SQLDatabase) throws -> Void) {
        self.id = id
        self.apply = apply
    }

    /// A migration made of SQL statements only.
    public init(_ id: String, sql: String) {
        self.init(id) { try $0.executeScript(sql) }
    }
}
