import Foundation

extension ProposalRepository {
    /// The goal keys stored in `proposals.goals`, a JSON array of strings (RFC 8259 §5, §7).
    ///
    /// Every proposal list decodes this column once per row, and the ballot write path lists a
    /// workshop's proposals inside the single writer: a `JSONDecoder` per row cost more than the
    /// write itself. Arrays of plain strings (goal keys are `[a-z][a-z0-9_-]*`) are read here
    /// directly; anything else (escapes, odd spacing we do not expect) goes to `JSONDecoder`.
    static func decodeGoals(_ text: String) -> [String]? {
        if let simple = plainStringArray(text) { return simple }
        return try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }

    /// `["a","b"]` with optional blanks and no escapes, or `nil` for anything else.
    static func plainStringArray(_ text: String) -> [String]? {
        let bytes = Array(text.utf8)
        var index = 0
        func skipBlanks() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }
        skipBlanks()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        index += 1
        skipBlanks()
        var keys: [String] = []
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            skipBlanks()
            return index == bytes.count ? keys : nil
        }
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                // Escapes and control characters take the general decoder.
                if bytes[index] == UInt8(ascii: "\\") || bytes[index] < 0x20 { return nil }
                index += 1
            }
            guard index < bytes.count else { return nil }
            keys.append(String(decoding: bytes[start..<index], as: UTF8.self))
            index += 1
            skipBlanks()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") {
                index += 1
                skipBlanks()
                return index == bytes.count ? keys : nil
            }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
            skipBlanks()
        }
    }
}
