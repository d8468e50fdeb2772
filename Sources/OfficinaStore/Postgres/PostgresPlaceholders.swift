/// Rewrites SQLite-style parameters to PostgreSQL's: `?` becomes `$1`, `$2`, … in order, and a
/// numbered `?3` becomes `$3`. Question marks inside string literals, quoted identifiers and
/// comments are left alone (<https://www.postgresql.org/docs/15/sql-syntax-lexical.html>).
enum PostgresPlaceholders {
    static func rewrite(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var next = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // Copy the quoted run; a doubled quote inside it is an escaped quote and stays inside.
                output.append(byte)
                index += 1
                while index < bytes.count {
                    output.append(bytes[index])
                    if bytes[index] == byte {
                        if index + 1 < bytes.count, bytes[index + 1] == byte {
                            output.append(byte)
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                index += 1
            case UInt8(ascii: "-") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "-"):
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
                    output.append(bytes[index])
                    index += 1
                }
            case UInt8(ascii: "?"):
                index += 1
                var digits: [UInt8] = []
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                    digits.append(bytes[index])
                    index += 1
                }
                output.append(UInt8(ascii: "$"))
                if digits.isEmpty {
                    output.append(contentsOf: Array(String(next).utf8))
                    next += 1
                } else {
                    output.append(contentsOf: digits)
                }
            default:
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
