/// A parsed HTTP/1.1 request, as handed to a responder.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    /// The path, percent-decoded exactly once, without the query.
    public var path: String
    /// The raw (still percent-encoded) query string after `?`, or empty.
    public var query: String
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// The peer's IP address as text, e.g. `127.0.0.1`.
    public var remoteAddress: String
    /// Values of `:name` segments matched by the router.
    public var parameters: [String: String] = [:]
    /// The path as the client sent it, still percent-encoded (static files check it for encoded
    /// slashes). Equal to `path` for requests built in code.
    public var rawPath: String

    public init(
        method: HTTPMethod, path: String, query: String = "", headers: HTTPHeaders = [:],
        body: [UInt8] = [], remoteAddress: String = "127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.rawPath = path
    }
}
