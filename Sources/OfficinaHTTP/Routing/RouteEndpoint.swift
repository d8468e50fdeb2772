/// One route as the router serves it: its handler already wrapped in the middleware (once, at
/// registration, never per request), and the immediate variant when the route and every
/// middleware have one.
/// A class, so finding it for a request costs one reference, not a copy of every field.
final class RouteEndpoint: Sendable {
    /// `:name` segments of the pattern, in order; the captures are zipped with them.
    let parameterNames: [String]
    let responder: any HTTPResponder
    let immediate: (@Sendable (HTTPRequest) -> HTTPResponse?)?

    init(parameterNames: [String], responder: any HTTPResponder, immediate: (@Sendable (HTTPRequest) -> HTTPResponse?)?) {
        self.parameterNames = parameterNames
        self.responder = responder
        self.immediate = immediate
    }
}

/// A route's handler with the router's error mapping: the innermost responder of its chain.
struct HandlerResponder: HTTPResponder {
    let handler: HTTPHandler
    let errorResponder: @Sendable (HTTPRequest, any Error) -> HTTPResponse

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        do {
            return try await handler(request)
        } catch {
            return errorResponder(request, error)
        }
    }
}

/// One middleware in front of the next responder.
struct ChainedResponder: HTTPResponder {
    let middleware: any HTTPMiddleware
    let next: any HTTPResponder

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        await middleware.respond(to: request, next: next)
    }
}

extension Array where Element == any HTTPMiddleware {
    /// `innermost` behind every middleware, the first element outermost.
    func wrap(_ innermost: any HTTPResponder) -> any HTTPResponder {
        reversed().reduce(innermost) { next, middleware in ChainedResponder(middleware: middleware, next: next) }
    }

    /// `innermost` behind every middleware on the immediate path, or nil when one of them (or the
    /// innermost) has no immediate variant.
    func wrapImmediate(
        _ innermost: (@Sendable (HTTPRequest) -> HTTPResponse?)?
    ) -> (@Sendable (HTTPRequest) -> HTTPResponse?)? {
        guard var chain = innermost else { return nil }
        for middleware in reversed() {
            guard let immediate = middleware as? any ImmediateMiddleware else { return nil }
            let next = chain
            chain = { request in immediate.respondImmediately(to: request, next: next) }
        }
        return chain
    }
}
