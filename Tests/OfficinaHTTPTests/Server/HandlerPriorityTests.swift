import Foundation
import Testing
@testable import OfficinaHTTP

@Suite("Requests that change something go first on the handler threads", .timeLimit(.minutes(2)))
struct HandlerPriorityTests {
    @Test("The executor runs queued jobs of high priority before the others, each lane in order")
    func urgentLaneFirst() async throws {
        let executor = HandlerExecutor(threads: 1)
        defer { executor.shutdown() }
        let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let order = Locked<[String]>([])
        // Hold the only thread so everything after queues.
        Task(executorPreference: executor, priority: .medium) {
            started.signal()
            release.wait()
        }
        started.wait()
        for (label, priority) in [("read 1", TaskPriority.medium), ("read 2", .medium), ("write 1", .high), ("read 3", .low),
                                  ("write 2", .high)] {
            Task(executorPreference: executor, priority: priority) {
                order.withLock { $0.append(label) }
                done.signal()
            }
        }
        release.signal()
        for _ in 0..<5 { done.wait() }
        #expect(order.withLock { $0 } == ["write 1", "write 2", "read 1", "read 2", "read 3"])
    }

    @Test("Over a socket: a PUT sent after queued GETs is handled before them")
    func writeOvertakesQueuedReads() async throws {
        try await onThread {
            let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            let order = Locked<[String]>([])
            let server = try TestServer(configure: { $0.handlerThreads = 1 }) { router in
                router.get("/hold") { _ in
                    entered.signal()
                    release.wait()
                    return HTTPResponse(contentType: "text/plain", text: "held")
                }
                router.get("/read/:n") { request in
                    order.withLock { $0.append("read " + (request.parameters["n"] ?? "")) }
                    return HTTPResponse(contentType: "text/plain", text: "read")
                }
                router.put("/write") { _ in
                    order.withLock { $0.append("write") }
                    return HTTPResponse(contentType: "text/plain", text: "written")
                }
            }
            defer { server.stop() }
            let holder = try server.connect()
            try holder.send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n")
            entered.wait()
            let readers = try (0..<4).map { _ in try server.connect() }
            for (index, reader) in readers.enumerated() { try reader.send("GET /read/\(index) HTTP/1.1\r\nHost: x\r\n\r\n") }
            // The reads wait in the handler queue before the write is sent; the write waits too
            // before the held thread is let go.
            #expect(Self.waitUntil { server.server.queuedHandlerJobs == (0, 4) })
            let writer = try server.connect()
            try writer.send("PUT /write HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
            #expect(Self.waitUntil { server.server.queuedHandlerJobs == (1, 4) })
            release.signal()
            #expect(try holder.receiveResponses(1).map(\.text) == ["held"])
            #expect(try writer.receiveResponses(1).map(\.text) == ["written"])
            for reader in readers { #expect(try reader.receiveResponses(1).map(\.text) == ["read"]) }
            // The reads came over two I/O threads, so their own order may vary; the write leads.
            let handled = order.withLock { $0 }
            #expect(handled.first == "write")
            #expect(handled.dropFirst().sorted() == ["read 0", "read 1", "read 2", "read 3"])
        }
    }

    /// Polls `condition` for up to 20 seconds (slow under the thread sanitizer on a busy machine).
    static func waitUntil(_ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return condition()
    }
}
