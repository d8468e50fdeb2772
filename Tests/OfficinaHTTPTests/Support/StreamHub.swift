import Foundation
@testable import OfficinaHTTP

/// Collects the event streams a test server opens, so a test can broadcast to them.
final class StreamHub: Sendable {
    private let streams = Locked<[any EventStream]>([])
    private let closedCount = Locked(0)

    func add(_ stream: any EventStream) {
        stream.onClose { [closedCount] in closedCount.withLock { $0 += 1 } }
        streams.withLock { $0.append(stream) }
    }

    var all: [any EventStream] { streams.withLock { $0 } }
    var closed: Int { closedCount.withLock { $0 } }

    func broadcast(event: String?, data: String) {
        for stream in all where stream.isOpen { stream.send(event: event, data: data, id: nil) }
    }

    /// A router with `/events` opening a stream into this hub.
    func router() -> Router {
        var router = Router()
        router.get("/events") { [self] _ in
            HTTPResponse(body: .eventStream(open: { stream in self.add(stream) }))
        }
        router.get("/plain") { _ in HTTPResponse(contentType: "text/plain", text: "plain") }
        return router
    }

    /// Waits until `count` close callbacks have run (they run later, on another thread), up to
    /// thirty seconds.
    func waitForClosed(_ count: Int) -> Bool {
        for _ in 0..<3000 {
            if closed >= count { return true }
            usleep(10_000)
        }
        return false
    }

    /// Waits until `count` streams are open, up to thirty seconds (the machine may be busy).
    func waitForStreams(_ count: Int) -> Bool {
        for _ in 0..<3000 {
            if all.count >= count { return true }
            usleep(10_000)
        }
        return false
    }
}
