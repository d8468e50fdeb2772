import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Server-sent events over a real socket", .timeLimit(.minutes(3)))
struct EventStreamTests {
    @Test("The stream head has text/event-stream, no-cache and no Content-Length; events arrive framed")
    func headAndFraming() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(responder: hub.router())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            hub.all.first?.send(event: "tally", data: "line one\nline two", id: "7")
            let text = try client.receive(until: "line two\n\n")
            #expect(text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(text.contains("Content-Type: text/event-stream\r\n"))
            #expect(text.contains("Cache-Control: no-cache\r\n"))
            #expect(!text.contains("Content-Length"))
            #expect(text.hasSuffix("\r\n\r\nevent: tally\nid: 7\ndata: line one\ndata: line two\n\n"))
        }
    }

    @Test("An event reaches each of 300 clients")
    func manyClients() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(responder: hub.router())
            defer { server.stop() }
            let clients = try (0..<300).map { _ in try server.connect() }
            for client in clients { try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n") }
            try #require(hub.waitForStreams(300))
            hub.broadcast(event: nil, data: "hello everyone")
            for client in clients {
                #expect(try client.receive(until: "data: hello everyone\n\n").contains("hello everyone"))
            }
            #expect(server.server.connectionCount == 300)
        }
    }

    @Test("A client that stops reading is dropped once its backlog passes the bound; others keep receiving")
    func slowClientIsDropped() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(configure: { $0.sseMaxPendingBytes = 64 * 1024 }, responder: hub.router())
            defer { server.stop() }
            let stalled = try TestClient(port: server.port, receiveBuffer: 4096)
            try stalled.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            let reader = try server.connect()
            try reader.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(2))
            // The reader drains its socket on its own thread, as a live browser tab would, and the
            // sender never lets it fall more than 24 KiB behind, so only the stalled client can
            // pass the 64 KiB bound, however slowly this machine runs the reader.
            let received = Locked(0)
            let readerSawEnd = Locked(false)
            let readerThread = Thread {
                var text = ""
                while let chunk = try? reader.receive() {
                    received.withLock { $0 += chunk.count }
                    text += String(decoding: chunk, as: UTF8.self)
                    if text.contains("after the drop") {
                        readerSawEnd.withLock { $0 = true }
                        return
                    }
                    if text.count > 100_000 { text = String(text.suffix(100)) }
                }
            }
            readerThread.start()
            let slow = hub.all[0]
            let fast = hub.all[1]
            let payload = String(repeating: "x", count: 1000)
            var sent = 0
            var sentBytes = 0
            while slow.isOpen && fast.isOpen && sent < 20_000 {
                let data = "\(sent) \(payload)"
                hub.broadcast(event: nil, data: data)
                sent += 1
                sentBytes += data.utf8.count + 8
                for _ in 0..<2000 where sentBytes - received.withLock({ $0 }) > 24 * 1024 { usleep(1000) }
            }
            #expect(!slow.isOpen)
            #expect(sent < 20_000)
            #expect(hub.waitForClosed(1))
            #expect(fast.isOpen)
            fast.send(event: nil, data: "after the drop", id: nil)
            for _ in 0..<1000 where !readerSawEnd.withLock({ $0 }) { usleep(10_000) }
            #expect(readerSawEnd.withLock { $0 })
        }
    }

    @Test("Heartbeats are sent on a quiet stream, and streams are exempt from the idle timeout")
    func heartbeatsAndNoIdleTimeout() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(configure: { $0.sseHeartbeat = 0.1; $0.idleTimeout = 0.2 }, responder: hub.router())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            _ = try client.receive(until: ":\n\n")
            Thread.sleep(forTimeInterval: 0.6)
            hub.broadcast(event: nil, data: "still open")
            #expect(try client.receive(until: "still open").contains("still open"))
        }
    }

    @Test("Closing the stream from the server ends the connection; a client leaving fires onClose")
    func closeBothWays() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(responder: hub.router())
            defer { server.stop() }
            let first = try server.connect()
            try first.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            hub.all[0].send(event: nil, data: "bye", id: nil)
            hub.all[0].close()
            #expect(try first.receiveAll().hasSuffix("data: bye\n\n"))

            let second = try TestClient(port: server.port)
            try second.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(2))
            _ = second
            shutdown(second.fd, Int32(SHUT_RDWR))
            for _ in 0..<3_000 where hub.closed < 2 { usleep(10_000) }  // liveness bound: 30 s
            #expect(hub.closed == 2)
            #expect(!hub.all[1].isOpen)
        }
    }

    @Test("Sending from many threads at once is safe")
    func concurrentSends() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(responder: hub.router())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            let stream = hub.all[0]
            DispatchQueue.concurrentPerform(iterations: 8) { worker in
                for index in 0..<50 { stream.send(event: nil, data: "w\(worker)-\(index)", id: nil) }
            }
            stream.comment("end")
            let text = try client.receive(until: ": end\n\n")
            #expect(text.components(separatedBy: "data: w").count - 1 == 400)
        }
    }
}
