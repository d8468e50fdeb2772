import OfficinaHTTP

/// Registers routes on the router so that each records its pattern for metrics and has its
/// errors mapped by `ErrorResponse`, the one place errors become responses.
struct RouteTable {
    var router: Router
    /// Every method and pattern registered, for the OpenAPI completeness test.
    var patterns: [(method: HTTPMethod, pattern: String)] = []

    mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        patterns.append((method, pattern))
        router.add(method, pattern) { request in
            RouteLabel.current?.pattern = pattern
            do {
                return try await handler(request)
            } catch {
                return ErrorResponse.response(for: error)
            }
        }
    }

    /// A route that answers on the I/O thread when `immediate` can (see `Router.add(_:_:_:immediate:)`).
    mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler, immediate: @escaping @Sendable (HTTPRequest) -> HTTPResponse?) {
        patterns.append((.get, pattern))
        router.add(.get, pattern, { request in
            RouteLabel.current?.pattern = pattern
            do {
                return try await handler(request)
            } catch {
                return ErrorResponse.response(for: error)
            }
        }, immediate: { request in
            let response = immediate(request)
            if response != nil { RouteLabel.current?.pattern = pattern }
            return response
        })
    }

    mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.get, pattern, handler) }
    mutating func post(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.post, pattern, handler) }
    mutating func put(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.put, pattern, handler) }
    mutating func patch(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.patch, pattern, handler) }
    mutating func delete(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.delete, pattern, handler) }
}
