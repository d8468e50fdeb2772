/// A response: status, headers and a body that is bytes (kept by the response or shared by many)
/// or a live event stream.
public struct HTTPResponse: Sendable {
    public enum Body: Sendable {
        case bytes([UInt8])
        /// Bytes many responses send alike (a cached answer): large ones leave from a shared
        /// in-memory file without being copied per response (``SharedBody``).
        case shared(SharedBody)
        /// A server-sent event stream: the server calls `open` once the head is written, as a
        /// task on its handler threads (so `open` may do blocking reads, e.g. replay what a
        /// client missed), with a stream that any thread may write to until it is closed.
        case eventStream(open: @Sendable (EventStream) async -> Void)
    }

    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: Body
    /// The route pattern that made this response (`/api/workshops/:code`), for metrics that group by
    /// route rather than by concrete path; set by the application's routes, nil when none answered.
    /// Never sent.
    public var route: String?

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public init(status: HTTPStatus = .ok, contentType: String, body: [UInt8]) {
        self.init(status: status, headers: ["Content-Type": contentType], body: .bytes(body))
    }

    public init(status: HTTPStatus = .ok, contentType: String, text: String) {
        self.init(status: status, contentType: contentType, body: Array(text.utf8))
    }
}
