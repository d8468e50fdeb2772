/// Turns a request path into a path relative to a served folder, or refuses it. Pure: the checks
/// on the real file system (realpath inside the root) come after, in `StaticFiles`.
///
/// The order matters (STYLE.md pitfall 1): split the path *as sent* at `/`, refuse any segment
/// holding an encoded slash or backslash, percent-decode each segment exactly once, and only then
/// refuse `.`/`..`, dot-files, NUL and backslashes. Normalising before decoding is how `%2e%2e`
/// slipped through elsewhere.
public enum SafePath {
    public enum Refusal: Error, Equatable, Sendable {
        case encodedSeparator
        case malformedEncoding
        case dotSegment
        case forbiddenByte
    }

    /// The decoded segments of `rawPath` (e.g. `/css/site%20main.css` → `["css", "site main.css"]`).
    /// Empty segments (from `//` or a trailing `/`) are dropped.
    public static func segments(_ rawPath: String) -> Result<[String], Refusal> {
        var rawPath = rawPath
        return rawPath.withUTF8 { bytes in
            var result: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x2F { end += 1 }
                if end > start {
                    switch segment(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    case .success(let segment): result.append(segment)
                    case .failure(let refusal): return .failure(refusal)
                    }
                }
                start = end + 1
            }
            return .success(result)
        }
    }

    /// One segment as sent: refuse encoded separators, decode once, then refuse what could climb.
    private static func segment(_ raw: UnsafeBufferPointer<UInt8>) -> Result<String, Refusal> {
        let decoded: String
        if raw.contains(0x25) {
            for index in 0..<max(0, raw.count - 2) where raw[index] == 0x25 {
                let high = raw[index + 1]
                let low = ByteClass.lowercased(raw[index + 2])
                if (high == 0x32 && low == 0x66) || (high == 0x35 && low == 0x63) { return .failure(.encodedSeparator) }
            }
            guard case .success(let text) = PercentDecoding.decodePath(ArraySlice(raw)) else {
                return .failure(.malformedEncoding)
            }
            decoded = text
        } else {
            decoded = String(decoding: raw, as: UTF8.self)
        }
        if decoded.utf8.first == 0x2E { return .failure(.dotSegment) }
        if decoded.utf8.contains(where: { $0 < 0x20 || $0 == 0x5C || $0 == 0x2F || $0 == 0x7F }) {
            return .failure(.forbiddenByte)
        }
        return .success(decoded)
    }
}
