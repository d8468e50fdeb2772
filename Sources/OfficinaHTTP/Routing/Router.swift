/// Maps method and path to a handler. Patterns are `/`-separated literal segments,
/// `:name` segments (one segment, captured into `request.parameters`), and a final `*`
/// (the rest of the path, captured as `parameters["*"]`). A literal segment wins over `:name`,
/// which wins over `*`.
///
/// Build it fully, then hand it to the server: routes are frozen once it listens. Everything a
/// request needs is prepared while routes and middleware are added (a tree of segments, each
/// route's handler already wrapped in the middleware), so serving a request splits its path once,
/// walks the tree once and calls one prepared chain.
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
        var parameterNames: [String]
        var handler: HTTPHandler
        var immediate: (@Sendable (HTTPRequest) -> HTTPResponse?)?
    }

    private var routes: [Route] = []
    private var tree = RouteTree()
    private var endpoints: [RouteEndpoint] = []
    /// Routes without parameters or `*`, by method and path as a request spells it (`/healthz`):
    /// found with one lookup, no split or walk. The tree answers the same for these paths (a
    /// literal segment wins at every level); other spellings (`//healthz`, `/healthz/`) walk it.
    private var literalEndpoints: [LiteralRoute: Int] = [:]
    private var middleware: [any HTTPMiddleware] = []
    /// What answers a request no route matched (405, JSON 404, or `notFound`), wrapped like a route.
    private var fallback = RouteEndpoint(parameterNames: [], responder: HandlerResponder(handler: { _ in Router.plainNotFound }, errorResponder: { _, _ in Router.plainNotFound }), immediate: nil)

    /// Turns an error a handler threw into a response.
    public var errorResponder: @Sendable (HTTPRequest, any Error) -> HTTPResponse = { _, _ in
        HTTPResponse(status: .internalServerError, contentType: "text/plain; charset=utf-8", text: "Internal Server Error\n")
    } {
        didSet { rewrapAll() }
    }

    /// Paths under which the router's own 404 and 405 answers are JSON.
    public var jsonPrefixes: [String] = ["/api/"] {
        didSet { rewrapFallback() }
    }

    /// Answers requests no route matched (e.g. set it to a `StaticFiles`). The default answers
    /// 404, as JSON under `jsonPrefixes`. A custom handler is not called for paths under
    /// `jsonPrefixes`: those always get the JSON 404.
    public var notFound: HTTPHandler = { _ in Router.plainNotFound } {
        didSet {
            immediateFallback = nil
            rewrapFallback()
        }
    }

    /// The immediate side of the fallback set by `serveFiles`; cleared when `notFound` is set directly.
    private var immediateFallback: (any ImmediateResponder)?

    static let plainNotFound = HTTPResponse(status: .notFound, contentType: "text/plain; charset=utf-8", text: "Not Found\n")

    /// True if `path` lies under one of `jsonPrefixes` (or is one without its final slash).
    public func isJSONPath(_ path: String) -> Bool {
        Self.isJSONPath(path, prefixes: jsonPrefixes)
    }

    static func isJSONPath(_ path: String, prefixes: [String]) -> Bool {
        prefixes.contains { prefix in
            path.hasPrefix(prefix) || (prefix.hasSuffix("/") && path == String(prefix.dropLast()))
        }
    }

    public init() {
        rewrapFallback()
    }

    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler) {
        register(method, pattern, Route(method: method, parameterNames: [], handler: handler, immediate: nil))
    }

    /// Adds a route whose handler answers at once on the I/O thread (see `ImmediateResponder`):
    /// only for handlers that never block, like a health check. It stays immediate behind
    /// middleware only if every middleware is an `ImmediateMiddleware`.
    ///
    ///     router.immediate(.get, "/healthz") { _ in HTTPResponse(contentType: "application/json", text: #"{"status":"ok"}"#) }
    public mutating func immediate(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping ImmediateHandler) {
        register(method, pattern, Route(method: method, parameterNames: [], handler: { handler($0) }, immediate: { handler($0) }))
    }

    /// Adds a route that answers at once when `immediate` can (non-nil: e.g. a file already in
    /// memory) and otherwise through `handler` off the I/O threads.
    public mutating func add(
        _ method: HTTPMethod, _ pattern: String, _ handler: @escaping HTTPHandler,
        immediate: @escaping @Sendable (HTTPRequest) -> HTTPResponse?
    ) {
        register(method, pattern, Route(method: method, parameterNames: [], handler: handler, immediate: immediate))
    }

    /// Serves `files` for every path no route matches (outside `jsonPrefixes`), answering cached
    /// files on the I/O thread and reading others off it.
    public mutating func serveFiles(_ files: StaticFiles) {
        serveFiles(files, handler: files.handler)
    }

    /// Like `serveFiles(_:)` for any responder that can answer some requests at once, with the
    /// handler to use for the others.
    public mutating func serveFiles(_ files: any ImmediateResponder, handler: @escaping HTTPHandler) {
        notFound = handler
        immediateFallback = files
        rewrapFallback()
    }

    public mutating func get(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.get, pattern, handler) }
    public mutating func post(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.post, pattern, handler) }
    public mutating func put(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.put, pattern, handler) }
    public mutating func patch(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.patch, pattern, handler) }
    public mutating func delete(_ pattern: String, _ handler: @escaping HTTPHandler) { add(.delete, pattern, handler) }

    /// Adds middleware; the first added is the outermost. Routes added before and after are both
    /// wrapped (here, once), and so are the router's own 404 and 405 answers.
    public mutating func use(_ middleware: any HTTPMiddleware) {
        self.middleware.append(middleware)
        rewrapAll()
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        let (endpoint, request) = resolve(request)
        return await endpoint.responder.respond(to: request)
    }

    /// Answers at once when the matched route (or the file fallback) can, behind middleware that
    /// can; nil means "ask `respond(to:)`". The router's 404 under `jsonPrefixes` and 405 are
    /// answered here too.
    public func respondImmediately(to request: HTTPRequest) -> HTTPResponse? {
        let (endpoint, request) = resolve(request)
        return endpoint.immediate?(request)
    }

    /// The endpoint for the request, and the request with its captured parameters.
    private func resolve(_ request: HTTPRequest) -> (RouteEndpoint, HTTPRequest) {
        if let index = literalEndpoints[LiteralRoute(method: request.method == .head ? .get : request.method, path: request.path)] {
            return (endpoints[index], request)
        }
        let segments = Self.split(request.path)
        guard let found = tree.match(request.method == .head ? .get : request.method, segments) else { return (fallback, request) }
        let endpoint = endpoints[found.endpoint]
        guard !endpoint.parameterNames.isEmpty || found.rest != nil else { return (endpoint, request) }
        var request = request
        for (name, value) in zip(endpoint.parameterNames, found.captures) { request.parameters[name] = String(value) }
        if let rest = found.rest { request.parameters["*"] = String(rest) }
        return (endpoint, request)
    }

    /// Methods accepted at `path`, with `HEAD` wherever `GET` is (for `Allow`).
    func allowedMethods(_ path: String) -> [HTTPMethod] {
        Self.allowedMethods(tree.methods(Self.split(path)), order: methodOrder)
    }

    /// Every method registered, in registration order.
    private var methodOrder: [HTTPMethod] {
        routes.reduce(into: [HTTPMethod]()) { list, route in
            if !list.contains(route.method) { list.append(route.method) }
        }
    }

    static func allowedMethods(_ methods: Set<HTTPMethod>, order: [HTTPMethod]) -> [HTTPMethod] {
        var allowed = order.filter { methods.contains($0) }
        if allowed.contains(.get) && !allowed.contains(.head) { allowed.append(.head) }
        return allowed
    }

    /// Splits on `/` by bytes, not Characters.
    static func split(_ path: String) -> [Substring] {
        path.utf8.split(separator: 0x2F, omittingEmptySubsequences: true).map { Substring($0) }
    }

    private mutating func register(_ method: HTTPMethod, _ pattern: String, _ route: Route) {
        let segments = Self.split(pattern)
        var route = route
        route.parameterNames = segments.filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
        routes.append(route)
        endpoints.append(wrap(route))
        tree.insert(segments, method: method, endpoint: endpoints.count - 1)
        if !segments.contains(where: { $0 == "*" || $0.hasPrefix(":") }) {
            let key = LiteralRoute(method: method, path: "/" + segments.joined(separator: "/"))
            // The first route registered for a path wins, as in the tree.
            if literalEndpoints[key] == nil { literalEndpoints[key] = endpoints.count - 1 }
        }
        rewrapFallback()
    }

    private func wrap(_ route: Route) -> RouteEndpoint {
        RouteEndpoint(
            parameterNames: route.parameterNames,
            responder: middleware.wrap(HandlerResponder(handler: route.handler, errorResponder: errorResponder)),
            immediate: middleware.wrapImmediate(route.immediate))
    }

    private mutating func rewrapAll() {
        endpoints = routes.map(wrap)
        rewrapFallback()
    }

    private mutating func rewrapFallback() {
        let unmatched = UnmatchedResponder(
            tree: tree, methodOrder: methodOrder, jsonPrefixes: jsonPrefixes, notFound: notFound, files: immediateFallback,
            errorResponder: errorResponder)
        fallback = RouteEndpoint(
            parameterNames: [], responder: middleware.wrap(unmatched), immediate: middleware.wrapImmediate(unmatched.immediately))
    }
}

/// A route without parameters: its method and its path.
private struct LiteralRoute: Hashable, Sendable {
    var method: HTTPMethod
    var path: String
}

/// The innermost responder for requests no route matched: 405 with `Allow` for a known path, a
/// JSON 404 under `jsonPrefixes`, else the router's `notFound`. Holds copies of what it needs,
/// taken whenever the router changes.
private struct UnmatchedResponder: HTTPResponder {
    let tree: RouteTree
    /// Methods in the order routes were registered, for a stable `Allow`.
    let methodOrder: [HTTPMethod]
    let jsonPrefixes: [String]
    let notFound: HTTPHandler
    let files: (any ImmediateResponder)?
    let errorResponder: @Sendable (HTTPRequest, any Error) -> HTTPResponse

    /// The 405 or JSON 404, or nil when `notFound` decides.
    func error(_ request: HTTPRequest) -> HTTPResponse? {
        let allowed = Router.allowedMethods(tree.methods(Router.split(request.path)), order: methodOrder)
        let json = Router.isJSONPath(request.path, prefixes: jsonPrefixes)
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

    var immediately: @Sendable (HTTPRequest) -> HTTPResponse? {
        let this = self
        return { request in this.error(request) ?? this.files?.respondImmediately(to: request) }
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        if let response = error(request) { return response }
        do { return try await notFound(request) } catch { return errorResponder(request, error) }
    }
}
