import CSQLite
import Foundation

/// The current row of a query; valid only inside the closure it was handed to.
///
/// Columns are addressed by position (0-based), in the order of the `SELECT` list. A row comes either
/// from a SQLite ``Statement`` (<https://sqlite.org/c3ref/column_blob.html>) or from a PostgreSQL
/// result read as text (``PostgresResult``); the accessors convert the same way for both, so
/// repositories do not know which engine answered.
public struct Row {
    enum Source {
        case sqlite(Statement)
        case postgres(PostgresResult, row: Int32)
    }

    let source: Source

    init(statement: Statement) {
        source = .sqlite(statement)
    }

    init(result: PostgresResult, row: Int32) {
        source = .postgres(result, row: row)
    }

    /// The number of columns.
    public var count: Int {
        switch source {
        case .sqlite(let statement): Int(sqlite3_column_count(statement.handle))
        case .postgres(let result, _): result.columnCount
        }
    }

    /// Whether the column holds `NULL`.
    public func isNull(_ index: Int) -> Bool {
        switch source {
        case .sqlite(let statement): sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
        case .postgres(let result, let row): result.isNull(row: row, column: index)
        }
    }

    /// The column as an integer (`NULL` reads as 0).
    public func int64(_ index: Int) -> Int64 {
        switch source {
        case .sqlite(let statement): sqlite3_column_int64(statement.handle, Int32(index))
        case .postgres(let result, let row): result.int64(row: row, column: index)
        }
    }

    /// The column as an `Int` (`NULL` reads as 0).
    public func int(_ index: Int) -> Int {
        Int(truncatingIfNeeded: int64(index))
    }

    /// The column as a floating-point number (`NULL` reads as 0).
    public func double(_ index: Int) -> Double {
        switch source {
        case .sqlite(let statement): sqlite3_column_double(statement.handle, Int32(index))
        case .postgres(let result, let row): result.double(row: row, column: index)
        }
    }

    /// The column as a boolean: any non-zero integer is `true`.
    public func bool(_ index: Int) -> Bool {
        int64(index) != 0
    }

    /// The column as text (`NULL` reads as the empty string).
    public func text(_ index: Int) -> String {
        switch source {
        case .sqlite(let statement):
            guard let pointer = sqlite3_column_text(statement.handle, Int32(index)) else { return "" }
            return String(cString: pointer)
        case .postgres(let result, let row):
            return result.text(row: row, column: index)
        }
    }

    /// The column as a date stored in `REAL` seconds since 1970.
    public func date(_ index: Int) -> Date {
        Date(timeIntervalSince1970: double(index))
    }

    /// The column as bytes (`NULL` reads as empty).
    public func bytes(_ index: Int) -> [UInt8] {
        switch source {
        case .sqlite(let statement):
            let column = Int32(index)
            guard let pointer = sqlite3_column_blob(statement.handle, column) else { return [] }
            let count = Int(sqlite3_column_bytes(statement.handle, column))
            return [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
        case .postgres(let result, let row):
            return result.bytes(row: row, column: index)
        }
    }

    /// `body` given the column's bytes in place (`NULL` reads as empty); they are valid only inside it.
    public func withUnsafeBytes<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        switch source {
        case .sqlite(let statement):
            let column = Int32(index)
            let pointer = sqlite3_column_blob(statement.handle, column)
            let count = Int(sqlite3_column_bytes(statement.handle, column))
            return try body(UnsafeRawBufferPointer(start: pointer, count: pointer == nil ? 0 : count))
        case .postgres:
            return try bytes(index).withUnsafeBytes(body)
        }
    }

    /// The column as `Data` (`NULL` reads as empty).
    public func data(_ index: Int) -> Data {
        Data(bytes(index))
    }

    /// The column as it is stored.
    public func value(_ index: Int) -> DatabaseValue {
        switch source {
        case .sqlite(let statement):
            switch sqlite3_column_type(statement.handle, Int32(index)) {
            case SQLITE_INTEGER: .integer(int64(index))
            case SQLITE_FLOAT: .real(double(index))
            case SQLITE_TEXT: .text(text(index))
            case SQLITE_BLOB: .blob(bytes(index))
            default: .null
            }
        case .postgres(let result, let row):
            result.value(row: row, column: index)
        }
    }

    /// The SQL that produced this row, for error messages.
    var sql: String {
        switch source {
        case .sqlite(let statement): statement.sql
        case .postgres(let result, _): result.sql
        }
    }

    /// The column decoded as `T`; an optional `T` reads `NULL` as `nil`.
    ///
    /// Throws ``StoreError/Kind/decoding`` when the stored type does not fit.
    public func decode<T: DatabaseValueConvertible>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard let value = T(databaseValue: value(index)) else {
            throw StoreError(.decoding, message: "column \(index) is not a \(T.self)", sql: sql)
        }
        return value
    }

    /// The column as an optional date (`NULL` reads as `nil`).
    public func optionalDate(_ index: Int) -> Date? {
        isNull(index) ? nil : date(index)
    }

    /// The column as an optional integer (`NULL` reads as `nil`).
    public func optionalInt64(_ index: Int) -> Int64? {
        isNull(index) ? nil : int64(index)
    }

    /// The column as optional text (`NULL` reads as `nil`).
    public func optionalText(_ index: Int) -> String? {
        isNull(index) ? nil : text(index)
    }
}
