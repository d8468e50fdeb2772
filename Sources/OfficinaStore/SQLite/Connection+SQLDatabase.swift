extension Connection: SQLDatabase, MultiRowInsert {
    public var dialect: SQLDialect { .sqlite }

    /// `BEGIN IMMEDIATE`: the write lock is taken at once, so a batch never fails half-way for want of it.
    public func beginWrite() throws {
        try execute("BEGIN IMMEDIATE", [])
    }

    /// `COMMIT`: in process, it either returns or fails; never in doubt.
    public func commitWrite() throws {
        try execute("COMMIT", [])
    }

    /// A deferred transaction: one consistent snapshot of the WAL for the whole body.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        try transaction(.deferred, body)
    }

    /// Inserts `values` (row after row, `columns` values each) in statements of up to 32 rows.
    public func insertRows(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws {
        try insertInBatches(prefix, columns: columns, values: values)
    }
}
