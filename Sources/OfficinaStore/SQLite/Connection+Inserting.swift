extension Connection {
    /// Most rows in one `INSERT … VALUES (…), (…)` statement; SQLite allows 32,766 parameters
    /// (<https://sqlite.org/limits.html#max_variable_number>), far above 32 rows of a few columns.
    static let rowsPerInsert = 32

    /// Inserts `values` (row after row, `columns` values each) with as few statements as possible.
    ///
    /// `prefix` is the statement up to `VALUES`, e.g. `INSERT INTO t (a, b)`. One statement of many
    /// rows costs far less than many statements of one row on the write path.
    public func insertRows(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws {
        guard columns > 0, !values.isEmpty else { return }
        guard values.count % columns == 0 else {
            throw StoreError(.sqlite, message: "\(values.count) values do not fill rows of \(columns)", sql: prefix)
        }
        let rowCount = values.count / columns
        if rowCount <= Self.rowsPerInsert {
            // The common case: one statement, its SQL built once per connection and shape.
            try execute(insertSQL(prefix, columns: columns, rows: rowCount), values)
            return
        }
        var first = 0
        while first < rowCount {
            let count = min(Self.rowsPerInsert, rowCount - first)
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
}
