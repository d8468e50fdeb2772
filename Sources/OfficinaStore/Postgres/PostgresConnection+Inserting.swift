extension PostgresConnection {
    /// Inserts `values` (row after row, `columns` values each) in statements of up to
    /// ``Connection/rowsPerInsert`` rows, like the SQLite connection (PostgreSQL allows 65,535
    /// parameters per statement).
    public func insertRows(_ prefix: String, columns: Int, values: [any DatabaseValueConvertible]) throws {
        guard columns > 0, !values.isEmpty else { return }
        guard values.count % columns == 0 else {
            throw StoreError(.sqlite, message: "\(values.count) values do not fill rows of \(columns)", sql: prefix)
        }
        let rowCount = values.count / columns
        var first = 0
        while first < rowCount {
            let count = min(Connection.rowsPerInsert, rowCount - first)
            let slice = Array(values[(first * columns)..<((first + count) * columns)])
            try execute(insertSQL(prefix, columns: columns, rows: count), slice)
            first += count
        }
    }

    private func insertSQL(_ prefix: String, columns: Int, rows: Int) -> String {
        let key = InsertShape(prefix: prefix, columns: columns, rows: rows)
        if let sql = insertStatements[key] { return sql }
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        let sql = prefix + " VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
        insertStatements[key] = sql
        return sql
    }
}
