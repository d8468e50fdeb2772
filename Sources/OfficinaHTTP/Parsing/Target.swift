/// The request-target split into path and query (RFC 9112 §3.2). Origin form (`/path?query`) is what
/// clients send; absolute form (`http://host/path`) must be accepted too; `*` only with OPTIONS.
struct Target {
    var path: String
    var rawPath: String
    var query: String

    static func parse(_ target: ArraySlice<UInt8>, method: HTTPMethod) -> Result<Target, HTTPError> {
        var rest = target
        if rest.first == 0x2A {
            guard rest.count == 1, method == .options else { return .failure(.badRequest(.invalidTarget)) }
            return .success(Target(path: "*", rawPath: "*", query: ""))
        }
        if rest.first != 0x2F {
            guard let afterScheme = stripScheme(rest) else { return .failure(.badRequest(.invalidTarget)) }
            guard let slash = afterScheme.firstIndex(of: 0x2F) else {
                return .success(Target(path: "/", rawPath: "/", query: queryOf(afterScheme)))
            }
            rest = afterScheme[slash...]
        }
        var rawPath = rest
        var query: ArraySlice<UInt8> = []
        if let mark = rest.firstIndex(of: 0x3F) {
            rawPath = rest[rest.startIndex..<mark]
            query = rest[(mark + 1)...]
        }
        if let fragment = query.firstIndex(of: 0x23) { query = query[query.startIndex..<fragment] }
        if let fragment = rawPath.firstIndex(of: 0x23) { rawPath = rawPath[rawPath.startIndex..<fragment] }
        switch PercentDecoding.decodePath(rawPath) {
        case .success(let path):
            return .success(Target(
                path: path, rawPath: String(decoding: rawPath, as: UTF8.self),
                query: String(decoding: query, as: UTF8.self)))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The bytes after `http://` or `https://` (scheme compared case-insensitively), or nil.
    private static func stripScheme(_ target: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        for scheme in ["http://", "https://"] {
            let prefix = Array(scheme.utf8)
            if target.count > prefix.count,
                zip(target.prefix(prefix.count), prefix).allSatisfy({ ByteClass.lowercased($0) == $1 }) {
                return target.dropFirst(prefix.count)
            }
        }
        return nil
    }

    private static func queryOf(_ authority: ArraySlice<UInt8>) -> String {
        guard let mark = authority.firstIndex(of: 0x3F) else { return "" }
        return String(decoding: authority[(mark + 1)...], as: UTF8.self)
    }
}
