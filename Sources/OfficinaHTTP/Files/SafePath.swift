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
        var result: [String] = []
        for raw in rawPath.utf8.split(separator: 0x2F, omittingEmptySubsequences: true) {
            let lowered = raw.map(ByteClass.lowercased)
            if containsEscape(lowered, "%2f") || containsEscape(lowered, "%5c") { return .failure(.encodedSeparator) }
            guard case .success(let segment) = PercentDecoding.decodePath(ArraySlice(raw)) else {
                return .failure(.malformedEncoding)
            }
            if segment.hasPrefix(".") { return .failure(.dotSegment) }
            if segment.utf8.contains(where: { $0 == 0 || $0 == 0x5C || $0 == 0x2F || $0 < 0x20 || $0 == 0x7F }) {
                return .failure(.forbiddenByte)
            }
            result.append(segment)
        }
        return .success(result)
    }

    private static func containsEscape(_ bytes: [UInt8], _ escape: String) -> Bool {
        let needle = Array(escape.utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }
}
