/// Middleware that can also run on the I/O thread, for requests the router answers at once (see
/// `ImmediateResponder`). When every installed middleware is one, immediate routes and cached
/// files stay immediate behind them; otherwise they run through `respond(to:next:)` in a task.
///
/// `next` answers nil when the request cannot be answered at once; the middleware must then
/// return nil too, having changed nothing (the request is asked again through `respond(to:next:)`).
public protocol ImmediateMiddleware: HTTPMiddleware {
    func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse?
}
