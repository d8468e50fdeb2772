import Foundation

/// Writes records per RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180#section-2): CRLF after every
/// record; a field holding the separator, a double quote, CR or LF is enclosed in double quotes with
/// inner quotes doubled. Fields holding a comma or semicolon are quoted in either dialect, so a file
/// survives being opened with the other separator.
///
/// Text fields are also neutralised against formula injection (OWASP "CSV Injection"): a field starting
/// with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a spreadsheet shows it as text instead of
/// running it.
struct CSVWriter {
    let dialect: CSVDialect
    private(set) var text = ""

    init(dialect: CSVDialect) {
        self.dialect = dialect
    }

    /// A cell: text from users (neutralised) or a number we formatted (written as is).
    enum Cell {
        case text(String)
        case number(String)
        case empty
    }

    mutating func record(_ cells: [Cell]) {
        text += cells.map(field).joined(separator: String(dialect.separator))
        text += "\r\n"
    }

    mutating func record(texts: [String]) {
        record(texts.map(Cell.text))
    }

    /// The finished file: UTF-8, with a BOM when the dialect asks for one.
    var data: Data {
        var bytes = dialect.byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) : Data()
        bytes.append(contentsOf: Array(text.utf8))
        return bytes
    }

    private func field(_ cell: Cell) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return quoted(value)
        case .text(let value): return quoted(Self.neutralised(value))
        }
    }

    private func quoted(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { scalar in
            scalar == "\"" || scalar == "," || scalar == ";" || scalar == "\r" || scalar == "\n"
                || Character(scalar) == dialect.separator
        }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `value` with a leading `'` when a spreadsheet would read it as a formula.
    static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        return "'" + value
    }
}
