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
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let rowCount = values.count / columns
        var first = 0
        while first < rowCount {
            let count = min(Self.rowsPerInsert, rowCount - first)
            let sql = prefix + " VALUES " + Array(repeating: row, count: count).joined(separator: ", ")
            try execute(sql, Array(values[(first * columns)..<((first + count) * columns)]))
            first += count
        }
    }
}
