import OfficinaHTTP

/// A JSON answer encoded once, with a strong entity tag derived from its bytes (RFC 9110 §8.8.3),
/// so a client that already holds it gets `304 Not Modified` and no body (§13.1.2); and, from
/// 1 KiB, a gzip form made on first demand for clients whose `Accept-Encoding` takes it (phones,
/// browsers), with a tag of its own. The plain form is a `SharedBody`: a large one is sent to every
/// client from one in-memory file, not copied per response.
struct EncodedAnswer: Sendable {
    let plain: SharedBody
    let etag: String
    let gzip: GzipForm?

    var bytes: [UInt8] { plain.bytes }

    init(_ bytes: [UInt8]) {
        plain = SharedBody(bytes)
        etag = Self.tag(bytes)
        gzip = GzipForm(bytes)
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

    /// 304 when the request's `If-None-Match` names the form the client would get, else 200 with
    /// it. Either way with its `ETag`, `Cache-Control: no-cache` (a client may keep it but must ask
    /// again) and, when a gzip form exists, `Vary: Accept-Encoding`.
    func response(to request: HTTPRequest) -> HTTPResponse {
        var headers: HTTPHeaders = ["Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache"]
        var body = HTTPResponse.Body.shared(plain), tag = etag, coded = false
        if let gzip {
            headers["Vary"] = "Accept-Encoding"
            if AcceptEncoding.acceptsGzip(request.headers["Accept-Encoding"]), let packed = gzip.bytes {
                (body, tag, coded) = (.bytes(packed), EntityTag.gzipVariant(of: etag), true)
            }
        }
        headers["ETag"] = tag
        if let condition = request.headers["If-None-Match"], EntityTag.matches(condition, tag) {
            return HTTPResponse(status: .notModified, headers: headers)
        }
        if coded { headers["Content-Encoding"] = "gzip" }
        return HTTPResponse(status: .ok, headers: headers, body: body)
    }

    /// ``response(to:)`` when it costs no compressing: nil when the client takes gzip and the gzip
    /// form is not made yet, so an event-loop thread leaves that to a handler thread.
    func immediateResponse(to request: HTTPRequest) -> HTTPResponse? {
        if let gzip, !gzip.isMade, AcceptEncoding.acceptsGzip(request.headers["Accept-Encoding"]) { return nil }
        return response(to: request)
    }
}
