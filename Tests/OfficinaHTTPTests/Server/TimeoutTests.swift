import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Timeouts over a real socket", .timeLimit(.minutes(3)))
struct TimeoutTests {
    @Test("Slowloris: a head not finished within headerTimeout gets 408 and is closed, however it trickles")
    func headerTimeout() async throws {
        try await onThread {
            // One header line every 50 ms: a per-line timer would never fire, the deadline for the
            // whole head does. No lower bound on the time (a late client thread would break it);
            // the trickle stops at the first byte back, and 10 s bounds a server that never answers.
            let server = try TestServer(configure: { $0.headerTimeout = 0.2 }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            client.setTimeout(seconds: 0.05)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n")
            var received: [UInt8] = []
            var linesSent = 0
            trickle: for line in 0..<200 {
                do {
                    guard let chunk = try client.receive() else { break trickle }
                    received += chunk
                    break trickle
                } catch TestClient.ClientError.system(_, let code) where code == EAGAIN || code == EWOULDBLOCK {
                    if (try? client.send("X-Slow-\(line): 1\r\n")) == nil { break trickle }
                    linesSent += 1
                }
            }
            client.setTimeout(seconds: 10)
            let text = String(decoding: received, as: UTF8.self) + (try client.receiveAll())
            #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
            #expect(linesSent > 0, "the head was never trickled")
        }
    }

    @Test("A body trickled one byte at a time is cut with 408 once bodyTimeout passes")
    func trickledBodyIsCut() async throws {
        try await onThread {
            let server = try TestServer(configure: {
                $0.bodyTimeout = 1.5
                $0.bodyStallTimeout = 1
            }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n")
            // One byte every 0.4 s never stalls for a whole second, but never ends either.
            let trickling = Thread {
                for _ in 0..<100 {
                    guard (try? client.send("x")) != nil else { return }
                    Thread.sleep(forTimeInterval: 0.4)
                }
            }
            trickling.start()
            let text = try client.receive(until: "\r\n\r\n")
            #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
            #expect(text.contains("Connection: close\r\n"))
        }
    }

    @Test("A body that stops arriving is cut with 408 after bodyStallTimeout")
    func stalledBodyIsCut() async throws {
        try await onThread {
            let server = try TestServer(configure: { $0.bodyStallTimeout = 0.5 }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nhalf")
            let text = try client.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 408 Request Timeout\r\n"))
        }
    }

    @Test("A connection that never sends anything is closed after headerTimeout")
    func silentConnection() async throws {
        try await onThread {
            let server = try TestServer(configure: { $0.headerTimeout = 0.2 }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            let text = try client.receiveAll()
            #expect(text.hasPrefix("HTTP/1.1 408 "))
        }
    }

    @Test("An idle kept-alive connection is closed after idleTimeout, silently")
    func idleTimeout() async throws {
        try await onThread {
            let server = try TestServer(configure: { $0.idleTimeout = 0.3 }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.receiveResponse()
            // Closed without a byte (within the client's 10 s liveness bound); that activity keeps a
            // connection open is the next test, so no lower bound on the time is needed here.
            #expect(try client.receive() == nil)
            #expect(waitUntil { server.server.connectionCount == 0 })
        }
    }

    @Test("A kept-alive connection that keeps sending requests is not timed out")
    func activeConnectionStays() async throws {
        try await onThread {
            // Activity must reset the idle timer: 14 requests 0.5 s apart (7 s in all) outlive a 5 s idle
            // timeout. A gap would have to stretch from 0.5 s to 5 s before the connection is rightly
            // idle, a margin that a loaded machine under ThreadSanitizer has not eaten (3 s once did).
            let server = try TestServer(configure: { $0.idleTimeout = 5; $0.headerTimeout = 5 }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            let started = Date()
            for _ in 0..<14 {
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.receiveResponse().status == 200)
                Thread.sleep(forTimeInterval: 0.5)
            }
            #expect(Date().timeIntervalSince(started) > 5, "the requests did not outlast the idle timeout")
        }
    }
}
