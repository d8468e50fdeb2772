import Foundation
import Testing
@testable import OfficinaHTTP

/// The bugs other Swift socket servers shipped (STYLE.md pitfalls 5 and 6), each pinned by a test.
@Suite("Event loop hazards", .timeLimit(.minutes(3)))
struct EventLoopHazardTests {
    @Test("SIGPIPE: a client that resets mid-response does not kill the process, and the next is served")
    func sigpipeIsIgnored() async throws {
        try await onThread {
            let big = [UInt8](repeating: 0x61, count: 8 * 1024 * 1024)
            let server = try TestServer { router in
                router.get("/big") { _ in HTTPResponse(contentType: "application/octet-stream", body: big) }
                router.get("/ok") { _ in HTTPResponse(contentType: "text/plain", text: "ok") }
            }
            defer { server.stop() }
            var action = sigaction()
            sigaction(SIGPIPE, nil, &action)
            #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self))
            for _ in 0..<5 {
                let client = try server.connect()
                try client.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.receive()
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(client.fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            }
            usleep(100_000)
            let next = try server.connect()
            try next.send("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try next.receiveResponse().text == "ok")
        }
    }

    @Test("epoll busy loop: idle connections and a stalled reader cost the loops almost no CPU")
    func noBusyLoop() async throws {
        try await onThread {
            let hub = StreamHub()
            var router = hub.router()
            let big = [UInt8](repeating: 0x62, count: 4 * 1024 * 1024)
            router.get("/big") { _ in HTTPResponse(contentType: "application/octet-stream", body: big) }
            let server = try TestServer(responder: router)
            defer { server.stop() }
            let idle = try (0..<50).map { _ in try server.connect() }
            for client in idle {
                try client.send("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = try client.receiveResponse()
            }
            let stalled = try TestClient(port: server.port, receiveBuffer: 4096)
            try stalled.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n")
            let streamer = try server.connect()
            try streamer.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            usleep(300_000)
            let before = server.server.eventLoops.map { $0.cpuTime.withLock { $0 } }.reduce(0, +)
            usleep(1_000_000)
            let after = server.server.eventLoops.map { $0.cpuTime.withLock { $0 } }.reduce(0, +)
            let spentMilliseconds = Double(after - before) / 1e6
            #expect(spentMilliseconds < 100, "event loops used \(spentMilliseconds) ms of CPU in 1 s while idle")
            _ = (idle, stalled, streamer)
        }
    }

    @Test("Stale events on a reused descriptor: a token issued to a closed connection finds nothing")
    func staleTokensAreIgnored() {
        var table = ConnectionTable()
        let first = table.allocateToken(fd: 7)
        let second = table.allocateToken(fd: 7)
        #expect(first != second)
        #expect(UInt32(truncatingIfNeeded: first) == 7)
        #expect(UInt32(truncatingIfNeeded: second) == 7)
        #expect(table.lookup(first) == nil)
        #expect(table.lookup(ConnectionTable.token(fd: 7, generation: 1)) == nil)
    }

    @Test("Stale events on a reused descriptor, live: rapid connect-close churn never crosses responses")
    func churnDoesNotCrossResponses() async throws {
        try await onThread {
            let server = try TestServer(responder: EchoResponder())
            defer { server.stop() }
            for index in 0..<200 {
                let client = try server.connect()
                try client.send("GET /n/\(index) HTTP/1.1\r\nHost: x\r\n\r\n")
                if index % 3 == 0 { continue }   // closed without reading: its descriptor is reused next
                #expect(try client.receiveResponse().text == "GET /n/\(index) 0\n")
            }
        }
    }

    @Test("A port already in use is a typed error carrying errno and its message")
    func addressInUse() throws {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.accessLog = false
        let first = HTTPServer(configuration: configuration, responder: EchoResponder())
        try first.start()
        defer { first.shutdown() }
        configuration.port = first.port
        let second = HTTPServer(configuration: configuration, responder: EchoResponder())
        do {
            try second.start()
            second.shutdown()
            Issue.record("second server bound a port in use")
        } catch let error as HTTPServerError {
            #expect(error.code == EADDRINUSE)
            #expect(error.message == "Address already in use")
            #expect(error.description == "bind 127.0.0.1:\(first.port): Address already in use")
        }
    }

    @Test("The access log records time, method, path, status, bytes and microseconds")
    func accessLog() async throws {
        let entries = Locked<[AccessLogEntry]>([])
        try await onThread {
            let server = try TestServer(configure: { configuration in
                configuration.accessLog = .custom { entry in entries.withLock { $0.append(entry) } }
            }, responder: EchoResponder())
            defer { server.stop() }
            let client = try server.connect()
            try client.send("GET /logged%20path HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.receiveResponse()
        }
        let entry = try #require(entries.withLock { $0.first })
        #expect(entry.method == "GET")
        #expect(entry.path == "/logged path")
        #expect(entry.status == 200)
        #expect(entry.bytes == "GET /logged path 0\n".utf8.count)
        #expect(entry.microseconds >= 0)
        #expect(entry.line.hasSuffix(" GET /logged_path 200 \(entry.bytes) \(entry.microseconds)us"))
        #expect(entry.line.hasPrefix("20"))
        #expect(AccessLogEntry.timestamp(0) == "1970-01-01T00:00:00Z")
        #expect(HTTPDate.format(secondsSince1970: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
