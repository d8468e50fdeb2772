import Foundation
import Testing
@testable import OfficinaHTTP

/// Attacks through event streams on the server itself: a stalled stream whose owner sends under
/// its own lock, streams taking every connection slot, and a shutdown while clients misbehave.
@Suite("Event-stream attacks over a real socket")
struct StreamStallAttackTests {
    @Test("A stream dropped over its backlog never runs its close callback inside the sender's critical section")
    func overflowingStreamCannotDeadlockASenderHoldingItsLock() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(configure: { $0.sseMaxPendingBytes = 16 * 1024 }, responder: hub.router())
            defer { server.stop() }
            let stalled = try TestClient(port: server.port, receiveBuffer: 4096)
            try stalled.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            try #require(hub.waitForStreams(1))
            let stream = hub.all[0]
            // The owner's lock is the kind a hub holds while it fans out: not reentrant, and its
            // close callback takes it too.
            let ownerLock = Locked(0)
            let callbackRan = Locked(false)
            stream.onClose {
                ownerLock.withLock { $0 += 1 }
                callbackRan.withLock { $0 = true }
            }
            let finished = DispatchSemaphore(value: 0)
            let sender = Thread {
                let payload = String(repeating: "y", count: 4000)
                for _ in 0..<20_000 {
                    let open = ownerLock.withLock { _ in
                        stream.send(event: "edit", data: payload, id: nil)
                        return stream.isOpen
                    }
                    if !open { break }
                    usleep(100)
                }
                finished.signal()
            }
            sender.start()
            #expect(finished.wait(timeout: .now() + 30) == .success, "the sender is stuck: deadlocked on its own lock")
            #expect(!stream.isOpen)
            #expect(hub.waitForClosed(1))
            for _ in 0..<1000 where !callbackRan.withLock({ $0 }) { usleep(10_000) }
            #expect(callbackRan.withLock { $0 })
        }
    }

    @Test("Streams can never take the connection slots kept for ordinary requests")
    func streamsLeaveReservedSlotsForRequests() async throws {
        try await onThread {
            let hub = StreamHub()
            let server = try TestServer(configure: {
                $0.maxConnections = 40
                $0.reservedRequestConnections = 10
            }, responder: hub.router())
            defer { server.stop() }
            var streams: [TestClient] = []
            var refused: [String] = []
            // Sixty stream attempts from one client, as 16,000 from one address would be at scale.
            for _ in 0..<60 {
                let client = try server.connect()
                try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
                let head = try client.receive(until: "\r\n\r\n")
                if head.hasPrefix("HTTP/1.1 200 ") {
                    streams.append(client)
                } else {
                    refused.append(head + ((try? client.receiveAll()) ?? ""))
                }
            }
            #expect(streams.count == 30)
            #expect(refused.count == 30)
            #expect(refused.allSatisfy { $0.hasPrefix("HTTP/1.1 503 ") && $0.contains("\"code\":\"too_many_streams\"") })
            #expect(refused.allSatisfy { $0.contains("Retry-After: ") && $0.contains("application/json") })
            // An ordinary request from anyone is still served, several at once.
            let clients = try (0..<5).map { _ in try server.connect() }
            for client in clients { try client.send("GET /plain HTTP/1.1\r\nHost: x\r\n\r\n") }
            for client in clients { #expect(try client.receiveResponse().status == 200) }
            // A closed stream gives its slot back.
            streams.removeLast()
            #expect(hub.waitForClosed(1))
            let again = try server.connect()
            try again.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try again.receive(until: "\r\n\r\n").hasPrefix("HTTP/1.1 200 "))
        }
    }

    @Test("Shutdown ends within five seconds with never-reading streams, full buffers, a trickled body and a stuck handler")
    func shutdownIsBoundedWhateverClientsDo() async throws {
        try await onThread {
            let hub = StreamHub()
            var router = hub.router()
            router.get("/stuck") { _ in
                try? await Task.sleep(nanoseconds: 60_000_000_000)
                return HTTPResponse(contentType: "text/plain", text: "late")
            }
            router.post("/upload") { _ in HTTPResponse(contentType: "text/plain", text: "ok") }
            let server = try TestServer(configure: { $0.sseMaxPendingBytes = 1024 * 1024 }, responder: router)
            let stalled = try (0..<3).map { _ in try TestClient(port: server.port, receiveBuffer: 4096) }
            for client in stalled { try client.send("GET /events HTTP/1.1\r\nHost: x\r\n\r\n") }
            try #require(hub.waitForStreams(3))
            // Fill the kernel's buffers and part of each stream's backlog, short of the bound.
            let payload = String(repeating: "z", count: 8000)
            for _ in 0..<60 { hub.broadcast(event: nil, data: payload) }
            let stuck = try server.connect()
            try stuck.send("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n")
            let trickle = try server.connect()
            try trickle.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nab")
            usleep(200_000)

            let started = Date()
            server.stop()
            let elapsed = Date().timeIntervalSince(started)
            #expect(elapsed < 5, "shutdown took \(elapsed) s")
            #expect(stuck.isClosedByServer())
            #expect(trickle.isClosedByServer())
            _ = stalled
        }
    }
}
