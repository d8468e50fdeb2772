import CSQLite
import Foundation

/// The current row of a ``Statement``; valid only until the statement steps again.
///
/// Columns are addressed by position (0-based), in the order of the `SELECT` list.
/// See <https://sqlite.org/c3ref/column_blob.html>.
public struct Row {
    let statement: Statement

    private var handle: OpaquePointer { statement.handle }

    /// The number of columns.
    public var count: Int { Int(sqlite3_column_count(handle)) }

    /// Whether the column holds `NULL`.
    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
    }

    /// The column as an integer (`NULL` reads as 0).
    public func int64(_ index: Int) -> Int64 {
        sqlite3_column_int64(handle, Int32(index))
    }

    /// The column as an `Int` (`NULL` reads as 0).
    public func int(_ index: Int) -> Int {
        Int(truncatingIfNeeded: sqlite3_column_int64(handle, Int32(index)))
    }

    /// The column as a floating-point number (`NULL` reads as 0).
    public func double(_ index: Int) -> Double {
        sqlite3_column_double(handle, Int32(index))
    }

    /// The column as a boolean: any non-zero integer is `true`.
    public func bool(_ index: Int) -> Bool {
        sqlite3_column_int64(handle, Int32(index)) != 0
    }

    /// The column as text (`NULL` reads as the empty string).
    public func text(_ index: Int) -> String {
        guard let pointer = sqlite3_column_text(handle, Int32(index)) else { return "" }
        return String(cString: pointer)
    }

    /// The column as a date stored in `REAL` seconds since 1970.
    public func date(_ index: Int) -> Date {
        Date(timeIntervalSince1970: sqlite3_column_double(handle, Int32(index)))
    }

    /// The column as bytes (`NULL` reads as empty).
    public func bytes(_ index: Int) -> [UInt8] {
        let column = Int32(index)
        guard let pointer = sqlite3_column_blob(handle, column) else { return [] }
        let count = Int(sqlite3_column_bytes(handle, column))
        return [UInt8](UnsafeRawBufferPointer(start: pointer, count: count))
    }

    /// The column as `Data` (`NULL` reads as empty).
    public func data(_ index: Int) -> Data {
        Data(bytes(index))
    }

    /// The column as it is stored.
    public func value(_ index: Int) -> DatabaseValue {
        switch sqlite3_column_type(handle, Int32(index)) {
        case SQLITE_INTEGER: .integer(int64(index))
        case SQLITE_FLOAT: .real(double(index))
        case SQLITE_TEXT: .text(text(index))
        case SQLITE_BLOB: .blob(bytes(index))
        default: .null
        }
    }

    /// The column decoded as `T`; an optional `T` reads `NULL` as `nil`.
    ///
    /// Throws ``StoreError/Kind/decoding`` when the stored type does not fit.
    public func decode<T: DatabaseValueConvertible>(_ type: T.Type = T.self, at index: Int) throws -> T {
        guard let value = T(databaseValue: value(index)) else {
            throw StoreError(.decoding, message: "column \(index) is not a \(T.self)", sql: statement.sql)
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
