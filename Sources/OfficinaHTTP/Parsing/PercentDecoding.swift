/// Percent-decoding of a path, done exactly once (RFC 3986 §2.1). Decoding twice, or normalising
/// before decoding, is how `%2e%2e` escaped other servers' roots (STYLE.md pitfall 1).
enum PercentDecoding {
    /// The decoded path, or the rule it broke: a malformed escape, NUL, or bytes that are not UTF-8.
    static func decodePath(_ raw: ArraySlice<UInt8>) -> Result<String, HTTPError> {
        guard raw.contains(0x25) else {
            return .success(String(decoding: raw, as: UTF8.self))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == 0x25 {
                guard index + 2 < raw.endIndex,
                    let high = ByteClass.hexValue(raw[index + 1]),
                    let low = ByteClass.hexValue(raw[index + 2])
                else { return .failure(.badRequest(.invalidPercentEncoding)) }
                let decoded = UInt8(high << 4 | low)
                if decoded == 0 { return .failure(.badRequest(.invalidPath)) }
                bytes.append(decoded)
                index += 3
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.elementsEqual(bytes) else { return .failure(.badRequest(.invalidPath)) }
        return .success(text)
    }
}
