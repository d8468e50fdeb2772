import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import OfficinaApp

/// Reads a server-sent event stream on a thread of its own and collects the events
/// (WHATWG HTML §9.2.6 parsing, enough for our streams).
final class EventStreamReader: @unchecked Sendable {
    struct Event: Sendable {
        var id: String?
        var name: String
        var data: String
        var json: JSONValue { (try? JSONValue.parse(Array(data.utf8))) ?? .null }
    }

    private let socket: RawSocket
    private let lock = NSLock()
    private var collected: [Event] = []
    private var comments = 0
    private var ended = false
    private(set) var head = ""

    private let reading = DispatchSemaphore(value: 0)

    /// A `paused` reader reads nothing until `resume()`, like a client that stopped reading.
    init(
        port: Int, path: String, cookies: [String: String] = [:], lastEventID: String? = nil,
        receiveBuffer: Int32? = nil, paused: Bool = false
    ) throws {
        socket = try RawSocket(port: port, timeout: 30, receiveBuffer: receiveBuffer)
        var lines = ["GET \(path) HTTP/1.1", "Host: 127.0.0.1:\(port)", "Accept: text/event-stream"]
        if !cookies.isEmpty { lines.append("Cookie: " + cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        if let lastEventID { lines.append("Last-Event-ID: \(lastEventID)") }
        try socket.send(Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8))
        if !paused { reading.signal() }
        let thread = Thread { [self] in
            reading.wait()
            read()
        }
        thread.start()
    }

    /// Starts reading a paused stream.
    func resume() { reading.signal() }

    var events: [Event] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }

    func events(named name: String) -> [Event] { events.filter { $0.name == name } }

    /// The server closed the stream (or the read failed).
    var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return ended
    }

    /// Waits until `condition` holds for the events so far, or `timeout` passes.
    @discardableResult
    func wait(timeout: Double = 45, until condition: @escaping ([Event]) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(events) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(events)
    }

    func close() {
        shutdown(socket.fd, Int32(SHUT_RDWR))
    }

    private func read() {
        var buffer = ""
        var inBody = false
        while let chunk = try? socket.receive(), !chunk.isEmpty {
            buffer += String(decoding: chunk, as: UTF8.self)
            if !inBody, let end = buffer.range(of: "\r\n\r\n") {
                head = String(buffer[..<end.lowerBound])
                buffer = String(buffer[end.upperBound...])
                inBody = true
            }
            guard inBody else { continue }
            while let end = buffer.range(of: "\n\n") {
                let block = String(buffer[..<end.lowerBound])
                buffer = String(buffer[end.upperBound...])
                parse(block)
            }
        }
        lock.lock(); ended = true; lock.unlock()
    }

    private func parse(_ block: String) {
        var event = Event(id: nil, name: "message", data: "")
        var dataLines: [String] = []
        var sawField = false
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(":") {
                lock.lock(); comments += 1; lock.unlock()
                continue
            }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let field = String(parts[0])
            var value = parts.count > 1 ? String(parts[1]) : ""
            if value.hasPrefix(" ") { value.removeFirst() }
            sawField = true
            switch field {
            case "id": event.id = value
            case "event": event.name = value
            case "data": dataLines.append(value)
            default: break
            }
        }
        guard sawField else { return }
        event.data = dataLines.joined(separator: "\n")
        lock.lock()
        collected.append(event)
        lock.unlock()
    }
}
