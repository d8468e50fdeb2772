/// Maps method and path to a handler. Patterns are `/`-separated literal segments,
/// `:name` segments (one segment, captured into `request.parameters`), and a final `*`
/// (the rest of the path, captured as `parameters["*"]`).
///
/// Build it fully, then hand it to the server: routes are frozen once it listens.
///
///     var router = Router()
///     router.get("/api/workshops/:code") { request in ... }
///
/// An unknown path answers `notFound(request)`; a known path with another method
/// answers 405 with `Allow` (RFC 9110 §15.5.6). `HEAD` falls back to `GET`. Under any of
/// `jsonPrefixes` (default `/api/`) both answer in the API's JSON error shape
/// (`not_found`, `method_not_allowed`), elsewhere in plain text.
public struct Router: ImmediateResponder {
    struct Route: Sendable {
        var method: HTTPMethod
        var segments: [Substring]
        var handler: HTTPHandler
        var immediate: ImmediateHandler?
    }

    private var routes: [Route] = []
    private var middleware: [any HTTPMiddleware] = []

    /// Turns an error a handler threw into a response.
    public var errorResponder: @Sendable (HTTPRequest, any Error) -> HTTPResponse = { _, _ in
        HTTPResponse(status: .internalServerError, contentType: "text/plain; charset=utf-8", text: "Internal Server Error\n")
    }

    /// Paths under which the router's own 404 and 405 answers are JSON.
    public var jsonPrefixes: [String] = ["/api/"]

    /// Answers requests no route matched (e.g. set it to a `StaticFiles`). The default answers
    /// 404, as JSON under `jsonPrefixes`. A custom handler is not called for paths under
    /// `jsonPrefixes`: those always get the JSON 404.
    public var notFound: HTTPHandler = { _ in
        HTTPResponse(status: .notFound, contentType: "text/plain; charset=utf-8", text: "Not Found\n")
    } {
        didSet { immediateFallback = nil }
    }

    /// True if `path` lies under one of `jsonPrefixes` (or is one without its final slash).
    public func isJSONPath(_ path: String) -> Bool {
        jsonPrefixes.contains { prefix in
            path.hasPrefix(prefix) || (prefix.hasSuffix("/") && path == String(prefix.dropLast()))
        }
    }

    public init() {}

    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        routes.append(Route(method: method, segments: Self.split(pattern), handler: handler))
    }

    /// Adds a route whose handler answers at once on the I/O thread (see `ImmediateResponder`):
    /// only for handlers that never block, like a health check. With middleware installed the
    /// router answers everything through the middleware, asynchronously.
    ///
    ///     router.immediate(.get, "/healthz") { _ in HTTPResponse(contentType: "application/json", text: #"{"status":"ok"}"#) }
    public mutating func immediate(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping ImmediateHandler) {
        routes.append(Route(method: method, segments: Self.split(pattern), handler: { handler($0) }, immediate: handler))
    }

    /// Serves `files` for every path no route matches (outside `jsonPrefixes`), answering cached
    /// files on the I/O thread and reading others off it.
    public mutating func serveFiles(_ files: StaticFiles) {
        notFound = files.handler
        immediateFallback = files
    }

    /// The immediate side of the fallback set by `serveFiles`; cleared when `notFound` is set directly.
    private var immediateFallback: (any ImmediateResponder)?

    public mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.get, pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.post, pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.put, pattern, handler) }
    public mutating func patch(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.patch, pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.delete, pattern, handler) }

    /// Adds middleware; the first added is the outermost.
    public mutating func use(_ middleware: any HTTPMiddleware) {
        self.middleware.append(middleware)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let dispatch = Dispatch(router: self)
        let chain = middleware.reversed().reduce(dispatch as any HTTPResponder) { next, middleware in
            Chained(middleware: middleware, next: next)
        }
        return await chain.respond(to: request)
    }

    /// Answers at once when the matched route (or the file fallback) can; nil means "ask
    /// `respond(to:)`". Errors (404 under `jsonPrefixes`, 405) are cheap and answered here too.
    public func respondImmediately(to request: HTTPRequest) -> HTTPResponse? {
        guard middleware.isEmpty else { return nil }
        let lookup = request.method == .head ? .get : request.method
        let segments = Self.split(request.path)
        if let (route, parameters) = match(lookup, segments: segments) {
            guard let immediate = route.immediate else { return nil }
            var request = request
            request.parameters = parameters
            return immediate(request)
        }
        if isJSONPath(request.path) || !allowedMethods(segments: segments).isEmpty {
            return Dispatch(router: self).unmatched(request)
        }
        return immediateFallback?.respondImmediately(to: request)
    }

    /// The route for `method` and `path`, with its captured parameters, or the methods
    /// the path allows when none matches the method.
    func match(_ method: HTTPMethod, _ path: String) -> (Route, [String: String])? {
        match(method, segments: Self.split(path))
    }

    func match(_ method: HTTPMethod, segments: [Substring]) -> (Route, [String: String])? {
        for route in routes where route.method == method {
            if let parameters = Self.capture(route.segments, segments) { return (route, parameters) }
        }
        return nil
    }

    func allowedMethods(_ path: String) -> [HTTPMethod] {
        allowedMethods(segments: Self.split(path))
    }

    func allowedMethods(segments: [Substring]) -> [HTTPMethod] {
        var allowed: [HTTPMethod] = []
        for route in routes where Self.capture(route.segments, segments) != nil && !allowed.contains(route.method) {
            allowed.append(route.method)
        }
        if allowed.contains(.get) && !allowed.contains(.head) { allowed.append(.head) }
        return allowed
    }

    /// Splits on `/` by bytes, not Characters: the path is matched on every request.
    static func split(_ path: String) -> [Substring] {
        path.utf8.split(separator: 0x2F, omittingEmptySubsequences: true).map { Substring($0) }
    }

    private static func capture(_ pattern: [Substring], _ path: [Substring]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, part) in pattern.enumerated() {
            if part == "*" {
                parameters["*"] = path[min(index, path.count)...].joined(separator: "/")
                return parameters
            }
            guard index < path.count else { return nil }
            if part.hasPrefix(":") {
                parameters[String(part.dropFirst())] = String(path[index])
            } else if part != path[index] {
                return nil
            }
        }
        return pattern.count == path.count ? parameters : nil
    }
}

/// The innermost responder: finds the route and calls it.
private struct Dispatch: HTTPResponder {
    let router: Router

    /// 405 with `Allow` for a known path, a JSON 404 under `jsonPrefixes`, else nil (ask `notFound`).
    func unmatched(_ request: HTTPRequest) -> HTTPResponse? {
        let allowed = router.allowedMethods(request.path)
        let json = router.isJSONPath(request.path)
        if !allowed.isEmpty {
            var response = json
                ? .jsonError(.methodNotAllowed, code: "method_not_allowed", message: "\(request.method) is not allowed here")
                : HTTPResponse(status: .methodNotAllowed, contentType: "text/plain; charset=utf-8", text: "Method Not Allowed\n")
            response.headers["Allow"] = allowed.map(\.rawValue).joined(separator: ", ")
            return response
        }
        if json { return .jsonError(.notFound, code: "not_found", message: "No route for \(request.path)") }
        return nil
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        let lookup = request.method == .head ? .get : request.method
        guard let (route, parameters) = router.match(lookup, request.path) else {
            if let response = unmatched(request) { return response }
            do { return try await router.notFound(request) } catch { return router.errorResponder(request, error) }
        }
        var request = request
        request.parameters = parameters
        do {
            return try await route.handler(request)
        } catch {
            return router.errorResponder(request, error)
        }
    }
}

private struct Chained: HTTPResponder {
    let middleware: any HTTPMiddleware
    let next: any HTTPResponder

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        await middleware.respond(to: request, next: next)
    }
}
