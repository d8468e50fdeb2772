/// A connection that inserts many rows per statement, keeping each statement's SQL text by shape.
/// Both engines' connections conform and answer ``SQLDatabase/insertRows(_:columns:values:)`` with
/// ``insertInBatches(_:columns:values:)``, written once here.
protocol MultiRowInsert: SQLDatabase {
    /// SQL built so far per shape; one connection's own (connections are not shared across threads).
    var insertStatements: [InsertShape: String] { get set }
}

/// Most rows in one `INSERT … VALUES (…), (…)` statement: far below both engines' parameter limits
/// (SQLite 32,766, <https://sqlite.org/limits.html#max_variable_number>; PostgreSQL 65,535) for
/// rows of a few columns, and few enough shapes to keep each one's SQL (and prepared statement).
let rowsPerInsert = 32

extension MultiRowInsert {
    /// Inserts `values` (row after row, `columns` values each) with as few statements as possible.
    ///
    /// `prefix` is the statement up to `VALUES`, e.g. `INSERT INTO t (a, b)`. One statement of many
    /// rows costs far less than many statements of one row on the write path.
    func insertInBatches(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws {
        guard columns > 0, !values.isEmpty else { return }
        guard values.count % columns == 0 else {
            throw StoreError(.sqlite, message: "\(values.count) values do not fill rows of \(columns)", sql: prefix)
        }
        let rowCount = values.count / columns
        if rowCount <= rowsPerInsert {
            // The common case: one statement, its SQL built once per connection and shape.
            try execute(insertSQL(prefix, columns: columns, rows: rowCount), values)
            return
        }
        var first = 0
        while first < rowCount {
            let count = min(rowsPerInsert, rowCount - first)
            try execute(insertSQL(prefix, columns: columns, rows: count), Array(values[(first * columns)..<((first + count) * columns)]))
            first += count
        }
    }

    /// `prefix VALUES (?, …), (?, …)` for `rows` rows of `columns` parameters.
    private func insertSQL(_ prefix: String, columns: Int, rows: Int) -> String {
        let key = InsertShape(prefix: prefix, columns: columns, rows: rows)
        if let sql = insertStatements[key] { return sql }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let sql = prefix + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
        insertStatements[key] = sql
        return sql
    }
}

/// The shape of a multi-row insert, keying its SQL text.
struct InsertShape: Hashable {
    let prefix: String
    let columns: Int
    let rows: Int

    /// The statements inserting `values` (row after row, `columns` values each), up to
    /// ``rowsPerInsert`` rows each, for ``SQLDatabase/executeAll(_:)``.
    static func statements(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws -> [SQLStatement] {
        guard columns > 0, !values.isEmpty else { return [] }
        guard values.count % columns == 0 else {
            throw StoreError(.sqlite, message: "\(values.count) values do not fill rows of \(columns)", sql: prefix)
        }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        var statements: [SQLStatement] = []
        var first = 0
        while first * columns < values.count {
            let count = min(rowsPerInsert, values.count / columns - first)
            let sql = prefix + " VALUES " + Array(repeating: row, count: count).joined(separator: ", ")
            statements.append(SQLStatement(sql, Array(values[(first * columns)..<((first + count) * columns)])))
            first += count
        }
        return statements
    }
}
