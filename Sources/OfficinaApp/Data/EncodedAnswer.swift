import OfficinaHTTP

/// A JSON answer encoded once, with a strong entity tag derived from its bytes (RFC 9110 §8.8.3),
/// so a client that already holds it gets `304 Not Modified` and no body (§13.1.2).
struct EncodedAnswer: Sendable {
    let bytes: [UInt8]
    let etag: String

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        etag = Self.tag(bytes)
    }

    /// `"<16 hex digits>"`: FNV-1a over the bytes and their length. Equal bytes, equal tag; a tag
    /// names content, not a moment, so a recomputed identical answer still matches.
    static func tag(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        hash ^= UInt64(bytes.count) &* 0x9e37_79b9_7f4a_7c15
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }

    /// 304 when the request's `If-None-Match` names this answer, else 200 with the bytes. Either way
    /// with the `ETag` and `Cache-Control: no-cache` (a client may keep it but must ask again).
    func response(to request: HTTPRequest) -> HTTPResponse {
        let headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8", "ETag": etag, "Cache-Control": "no-cache"]
        if let condition = request.headers["If-None-Match"], Self.matches(condition, etag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: .bytes(bytes))
    }

    /// Whether an `If-None-Match` list (or `*`) names `tag`, by weak comparison.
    static func matches(_ condition: String, _ tag: String) -> Bool {
        condition.split(separator: ",").contains { candidate in
            var value = candidate.drop { $0 == " " || $0 == "\t" }
            while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
            if value.hasPrefix("W/") { value = value.dropFirst(2) }
            return value == "*" || value == tag
        }
    }
}
