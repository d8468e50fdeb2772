/// One client per worker thread; thread `i` only ever touches client `i`, which is what makes
/// sharing the set across threads safe.
final class ClientSet: @unchecked Sendable {
    private let clients: [RawHTTPClient]

    init(count: Int, port: Int) {
        clients = (0..<max(1, count)).map { _ in RawHTTPClient(port: port) }
    }

    subscript(thread: Int) -> RawHTTPClient { clients[thread % clients.count] }
}
