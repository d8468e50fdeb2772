import CSQLite

/// A prepared statement: owns its `sqlite3_stmt` and finalizes it in `deinit`.
///
/// Values are always bound to parameters (`?`), never interpolated into the SQL text.
/// A statement belongs to the ``Connection`` that prepared it and is used by one thread at a time.
/// See <https://sqlite.org/c3ref/stmt.html>.
public final class Statement {
    let handle: OpaquePointer
    /// The connection's handle, for error messages.
    private let connection: OpaquePointer
    /// The SQL text, reported in errors (without bound values).
    public let sql: String

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw StoreError(code: sqlite3_extended_errcode(connection), message: Connection.message(connection), sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `arguments` to its parameters in order.
    ///
    /// The number of arguments must match the number of parameters
    /// (<https://sqlite.org/c3ref/bind_parameter_count.html>).
    public func bind(_ arguments: [any DatabaseValueConvertible]) throws {
        // Every parameter is bound below (the count is checked), so old bindings need no clearing.
        sqlite3_reset(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw StoreError(.sqlite, message: "expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.databaseValue, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(let text):
            code = sqlite3_bind_text(handle, index, text, -1, officina_sqlite_transient())
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob64(handle, index, buffer.baseAddress, sqlite3_uint64(buffer.count), officina_sqlite_transient())
            }
        }
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Advances to the next row; `false` when the statement is done.
    /// See <https://sqlite.org/c3ref/step.html>.
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        case let code:
            let failure = error(code)
            sqlite3_reset(handle)
            throw failure
        }
    }

    /// Runs the statement to completion, ignoring rows.
    public func run() throws {
        while try step() {}
        sqlite3_reset(handle)
    }

    /// Steps through every row, mapping each; the row is valid only inside `map`.
    public func map<T>(_ transform: (Row) throws -> T) throws -> [T] {
        defer { sqlite3_reset(handle) }
        var results: [T] = []
        while try step() {
            results.append(try transform(Row(statement: self)))
        }
        return results
    }

    /// Releases the statement's read lock and bindings so it can be reused later.
    func release() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func error(_ code: Int32) -> StoreError {
        let extended = sqlite3_extended_errcode(connection)
        return StoreError(code: extended != 0 ? extended : code, message: Connection.message(connection), sql: sql)
    }
}
