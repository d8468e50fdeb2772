/// A responder that can answer some requests at once, without suspending or blocking: a fixed
/// health check, a cached static file. The server calls `respondImmediately` on the I/O thread
/// and, when it returns nil, falls back to `respond(to:)` in a task off the I/O threads. Saving
/// the hop between threads is what lets cheap requests run at nginx's pace.
///
/// Never block here (no database, no file reads that may miss the page cache, no locks held long).
public protocol ImmediateResponder: HTTPResponder {
    func respondImmediately(to request: HTTPRequest) -> HTTPResponse?
}

/// A handler that answers at once; see `ImmediateResponder`.
public typealias ImmediateHandler = @Sendable (HTTPRequest) -> HTTPResponse
