import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Connection cap over a real socket", .timeLimit(.minutes(3)))
struct ConnectionLimitTests {
    @Test("Past maxConnections a new client gets 503 and is closed; a freed slot is reused")
    func capIsEnforced() async throws {
        try await onThread {
            let server = try TestServer(configure: { $0.maxConnections = 3 }, responder: EchoResponder())
            defer { server.stop() }
            var held = try (0..<3).map { _ in try server.connect() }
            for client in held {
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.receiveResponse().status == 200)
            }
            let refused = try server.connect()
            let text = try refused.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 503 Service Unavailable\r\n"))
            #expect(server.server.connectionCount == 3)

            held.removeLast()
            for _ in 0..<3_000 where server.server.connectionCount > 2 { usleep(10_000) }  // liveness bound: 30 s
            let next = try server.connect()
            try next.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try next.receiveResponse().text == "GET /again 0\n")
        }
    }

    @Test("Event streams count toward the cap")
    func streamsCount() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(configure: {
                $0.maxConnections = 2
                $0.reservedRequestConnections = 0
            }, responder: hub.router())
            defer { server.stop() }
            let streams = try (0..<2).map { _ in try server.connect() }
            for client in streams { try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n") }
            try #require(hub.waitForStreams(2))
            let refused = try server.connect()
            #expect(try refused.receiveAll().hasPrefix("HTTP/1.1 503 "))
        }
    }
}
