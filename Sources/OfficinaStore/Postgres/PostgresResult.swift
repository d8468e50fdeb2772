/// One `PGresult`, read as text and converted to the row types the store uses; cleared on `deinit`.
///
/// Every value arrives in PostgreSQL's text format
/// (<https://www.postgresql.org/docs/15/libpq-exec.html#LIBPQ-PQGETVALUE>): integers and floats as
/// digits, booleans as `t`/`f`, `bytea` as `\x` and hex digits.
final class PostgresResult {
    let handle: OpaquePointer
    let sql: String
    private let library: LibPQ
    let rowCount: Int32
    let columnCount: Int

    init(handle: OpaquePointer, sql: String, library: LibPQ) {
        self.handle = handle
        self.sql = sql
        self.library = library
        rowCount = library.ntuples(handle)
        columnCount = Int(library.nfields(handle))
    }

    deinit {
        library.clear(handle)
    }

    func isNull(row: Int32, column: Int) -> Bool {
        library.getisnull(handle, row, Int32(column)) != 0
    }

    func text(row: Int32, column: Int) -> String {
        guard let pointer = library.getvalue(handle, row, Int32(column)) else { return "" }
        return String(cString: pointer)
    }

    func int64(row: Int32, column: Int) -> Int64 {
        if isNull(row: row, column: column) { return 0 }
        let text = text(row: row, column: column)
        if let value = Int64(text) { return value }
        switch text {
        case "t": return 1
        case "f": return 0
        default: return Double(text).map { Int64(exactly: $0.rounded(.towardZero)) ?? 0 } ?? 0
        }
    }

    func double(row: Int32, column: Int) -> Double {
        if isNull(row: row, column: column) { return 0 }
        let text = text(row: row, column: column)
        return Double(text) ?? Double(int64(row: row, column: column))
    }

    func bytes(row: Int32, column: Int) -> [UInt8] {
        if isNull(row: row, column: column) { return [] }
        let text = Array(text(row: row, column: column).utf8)
        guard text.count >= 2, text[0] == UInt8(ascii: "\\"), text[1] == UInt8(ascii: "x") else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity((text.count - 2) / 2)
        var index = 2
        while index + 1 < text.count {
            guard let high = Self.hexValue(text[index]), let low = Self.hexValue(text[index + 1]) else { return [] }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// The value in the storage class SQLite would have used, chosen by the column's type OID
    /// (`pg_type.oid`: 16 bool, 17 bytea, 20/21/23 integers, 700/701 floats, 1700 numeric).
    func value(row: Int32, column: Int) -> DatabaseValue {
        if isNull(row: row, column: column) { return .null }
        switch library.ftype(handle, Int32(column)) {
        case 16, 20, 21, 23: return .integer(int64(row: row, column: column))
        case 700, 701: return .real(double(row: row, column: column))
        case 1700:
            let text = text(row: row, column: column)
            if let integer = Int64(text) { return .integer(integer) }
            return .real(Double(text) ?? 0)
        case 17: return .blob(bytes(row: row, column: column))
        default: return .text(text(row: row, column: column))
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
