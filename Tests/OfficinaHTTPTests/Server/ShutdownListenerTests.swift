import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Shutdown stops listening at once", .timeLimit(.minutes(3)))
struct ShutdownListenerTests {
    /// Behind a proxy, a connection queued in the backlog during the drain was reset when the
    /// socket finally closed, its request unread; refused at once, the proxy sends it elsewhere.
    @Test("A connection attempted while a request still drains is refused, not queued and reset later")
    func refusesNewConnectionsWhileDraining() async throws {
        try await onThread {
            let handlerStarted = Locked(false)
            let release = Locked(false)
            // A drain bound far beyond the refusal wait: the listener must stop while the drain
            // is still waiting, not when it gives up.
            let server = try TestServer(configure: { $0.shutdownTimeout = 60 }) { router in
                router.get("/slow") { _ in
                    handlerStarted.withLock { $0 = true }
                    for _ in 0..<3_000 where !release.withLock({ $0 }) {
                        try await Task.sleep(nanoseconds: 10_000_000)
                    }
                    return HTTPResponse(contentType: "text/plain", text: "finished")
                }
            }
            let port = server.port
            let slow = try server.connect()
            try slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(waitUntil { handlerStarted.withLock { $0 } }, "the slow handler never started")

            let http = server.server
            let stopped = DispatchSemaphore(value: 0)
            Thread {
                http.shutdown()
                stopped.signal()
            }.start()
            // The slow request holds the drain open until `release`: meanwhile a new connection
            // must be refused by the kernel.
            let refused = waitUntil { (try? TestClient(port: port)) == nil }
            release.withLock { $0 = true }
            stopped.wait()
            #expect(refused, "new connections were still completed into the backlog during the drain")
            let answer = try slow.receiveAll()
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(answer.hasSuffix("finished"))
        }
    }
}
