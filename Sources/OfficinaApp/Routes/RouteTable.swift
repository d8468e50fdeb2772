import OfficinaHTTP

/// Registers routes on the router so that each names its pattern on its responses (for metrics:
/// ``HTTPResponse/route``) and has its errors mapped by `ErrorResponse`, the one place errors
/// become responses.
struct RouteTable {
    var router: Router
    /// Every method and pattern registered, for the OpenAPI completeness test.
    var patterns: [(method: HTTPMethod, pattern: String)] = []

    mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        patterns.append((method, pattern))
        router.add(method, pattern) { request in await Self.answer(request, pattern, handler) }
    }

    /// A route that answers on the I/O thread when `immediate` can (see `Router.add(_:_:_:immediate:)`).
    mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler, immediate: @escaping @Sendable (HTTPRequest) -> HTTPResponse?) {
        patterns.append((.get, pattern))
        router.add(.get, pattern, { request in await Self.answer(request, pattern, handler) }, immediate: { request in
            var response = immediate(request)
            response?.route = pattern
            return response
        })
    }

    /// The handler's response, or its error's, named by the route's pattern.
    static func answer(_ request: HTTPRequest, _ pattern: String, _ handler: HTTPHandler) async -> HTTPResponse {
        var response: HTTPResponse
        do {
            response = try await handler(request)
        } catch {
            response = ErrorResponse.response(for: error)
        }
        response.route = pattern
        return response
    }

    mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.get, pattern, handler) }
    mutating func post(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.post, pattern, handler) }
    mutating func put(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.put, pattern, handler) }
    mutating func patch(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.patch, pattern, handler) }
    mutating func delete(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.delete, pattern, handler) }
}
