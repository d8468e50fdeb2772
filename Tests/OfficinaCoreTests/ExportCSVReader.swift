import Foundation

/// A strict RFC 4180 reader for the tests: the other half of a round trip, written independently of
/// `CSVWriter` so a shared mistake cannot hide.
enum ExportCSVReader {
    enum Failure: Error { case strayQuote(record: Int), unterminatedQuote }

    static func records(_ data: Data, separator: Character) throws -> [[String]] {
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var wasQuoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" {
                        field.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Failure.strayQuote(record: records.count) }
                quoted = true
                wasQuoted = true
            case separator:
                record.append(field)
                field = ""
                wasQuoted = false
            case "\r\n", "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
            default:
                field.append(character)
            }
        }
        guard !quoted else { throw Failure.unterminatedQuote }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}
