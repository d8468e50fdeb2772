import Synchronization

/// The route pattern that answered the current request (`/api/workshops/:code`), recorded by
/// the route's handler and read back by `RequestMetrics` so metrics group by route, not by
/// the unbounded set of concrete paths.
final class RouteLabel: Sendable {
    @TaskLocal static var current: RouteLabel?

    /// Inline in the object: one allocation per request, not one per lock (this runs on every
    /// request, also the cheapest ones answered on the I/O thread).
    private let storage = Mutex<String?>(nil)

    var pattern: String? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
