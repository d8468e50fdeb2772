/// The route pattern that answered the current request (`/api/workshops/:code`), recorded by
/// the route's handler and read back by `RequestMetrics` so metrics group by route, not by
/// the unbounded set of concrete paths.
final class RouteLabel: @unchecked Sendable {
    @TaskLocal static var current: RouteLabel?

    private let storage = Protected<String?>(nil)

    var pattern: String? {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}
