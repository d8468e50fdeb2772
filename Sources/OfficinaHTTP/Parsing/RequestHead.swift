/// How a request's body is delimited (RFC 9112 §6.3).
public enum BodyFraming: Sendable, Equatable {
    case none
    case length(Int)
    case chunked
}

/// A request line and header block that passed every check of `RequestHeadParser`.
public struct RequestHead: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as sent.
    public var target: String
    /// The path, percent-decoded once.
    public var path: String
    /// The path as sent, still percent-encoded (static files refuse encoded slashes in it).
    public var rawPath: String
    /// The query after `?`, still percent-encoded.
    public var query: String
    /// The minor version: 0 for HTTP/1.0, 1 for HTTP/1.1.
    public var minorVersion: Int
    public var headers: HTTPHeaders
    public var framing: BodyFraming
    /// Whether the connection stays open after the response (RFC 9112 §9.3).
    public var keepAlive: Bool
    /// `Expect: 100-continue` on HTTP/1.1 (RFC 9110 §10.1.1).
    public var expectsContinue: Bool
}

/// A complete request as the decoder hands it over: head and decoded body.
public struct DecodedRequest: Sendable {
    public var head: RequestHead
    public var body: [UInt8]
}

/// What the decoder found in the bytes it holds.
public enum DecodeResult: Sendable {
    /// The bytes so far are a valid prefix; read more.
    case needMore
    /// The head asked for `100 Continue` and the body has not arrived yet; returned once.
    case expectContinue
    case request(DecodedRequest)
    case error(HTTPError)

    public var request: DecodedRequest? {
        if case .request(let request) = self { request } else { nil }
    }

    public var error: HTTPError? {
        if case .error(let error) = self { error } else { nil }
    }

    public var isNeedMore: Bool {
        if case .needMore = self { true } else { false }
    }
}
