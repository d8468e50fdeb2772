/// Turns a request into a response. The one core protocol: the router is one, and
/// middleware wraps one.
public protocol HTTPResponder: Sendable {
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

/// A handler for one route. Errors it throws are turned into responses by the
/// router's `errorResponder`.
public typealias HTTPHandler = @Sendable (HTTPRequest) async throws -> HTTPResponse

/// Wraps a responder, e.g. to add headers, log, or check the Origin.
public protocol HTTPMiddleware: Sendable {
    func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse
}
