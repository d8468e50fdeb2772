import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Graceful shutdown over a real socket", .timeLimit(.minutes(3)))
struct ShutdownTests {
    @Test("Shutdown finishes the request in flight, ends streams, closes idle connections, refuses new ones")
    func gracefulShutdown() async throws {
        try await onThread {
            // Order of events, not durations: the slow handler finishes only after shutdown has
            // begun, so `stop()` returning after it proves the drain waited for the request.
            let handlerStarted = Locked(false)
            let stopping = Locked(false)
            let handlerFinished = Locked(false)
            let hub = StreamHub()
            var router = hub.router()
            router.get("/slow") { _ in
                handlerStarted.withLock { $0 = true }
                for _ in 0..<1_000 where !stopping.withLock({ $0 }) {
                    try await Task.sleep(nanoseconds: 10_000_000)
                }
                try await Task.sleep(nanoseconds: 50_000_000)
                handlerFinished.withLock { $0 = true }
                return HTTPResponse(contentType: "text/plain", text: "finished")
            }
            // A drain bound far above what the handler needs, so a loaded machine cannot cut it short.
            let server = try TestServer(configure: { $0.shutdownTimeout = 30 }, responder: router)
            let port = server.port
            let idle = try server.connect()
            try idle.send("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try idle.receiveResponse()
            let streaming = try server.connect()
            try streaming.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            let slow = try server.connect()
            try slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(waitUntil { handlerStarted.withLock { $0 } }, "the slow handler never started")

            stopping.withLock { $0 = true }
            server.stop()
            #expect(handlerFinished.withLock { $0 }, "shutdown returned before the request in flight finished")

            let answer = try slow.receiveAll()
            #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(answer.contains("Connection: close\r\n"))
            #expect(answer.hasSuffix("finished"))
            #expect(try idle.receive() == nil)
            _ = try streaming.receiveAll()
            #expect(hub.waitForClosed(1))
            #expect(throws: (any Error).self) { try TestClient(port: port) }
        }
    }

    @Test("Shutdown before start, or twice, does nothing")
    func shutdownIsIdempotent() throws {
        let server = HTTPServer(responder: EchoResponder())
        server.shutdown()
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.accessLog = false
        let started = HTTPServer(configuration: configuration, responder: EchoResponder())
        try started.start()
        started.shutdown()
        started.shutdown()
        #expect(throws: HTTPServerError.self) { try started.start() }
    }
}
