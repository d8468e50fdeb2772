import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Listens on a PostgreSQL channel on a connection of its own and hands every notification's
/// payload to `handler`, on its own thread, until ``stop()``.
///
/// `NOTIFY` is delivered at commit, to every session listening, including the sender's
/// (<https://www.postgresql.org/docs/15/sql-notify.html>). When the connection breaks, the listener
/// reconnects and listens again, then calls `handler` with ``resyncPayload`` so the receiver
/// re-reads what it may have missed meanwhile.
public final class PostgresListener: @unchecked Sendable {
    /// Handed to the handler after a reconnect: notifications sent meanwhile were lost.
    public static let resyncPayload = "*"
    /// The prefix of the channel instances announce live changes on, followed by the schema's name
    /// (``SQLDatabase/notifyInstances(_:)``).
    public static let liveChannel = "officina_live_"

    private let url: String
    private let channel: String
    private let handler: @Sendable (String) -> Void
    // Guarded by `lock`.
    private let lock = NSLock()
    private var stopping = false
    private var finished = false

    public init(url: String, channel: String, handler: @escaping @Sendable (String) -> Void) {
        self.url = url
        self.channel = channel
        self.handler = handler
        let thread = Thread { [self] in
            Thread.current.name = "officina-listen"
            run()
        }
        thread.start()
    }

    /// Ends the listening thread within about a second.
    public func stop() {
        lock.lock()
        stopping = true
        lock.unlock()
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func run() {
        var first = true
        while !isStopping {
            guard let connection = try? PostgresConnection(url: url),
                  let schema = try? connection.queryOne("SELECT current_schema()", [], { $0.text(0) }),
                  (try? connection.executeScript("LISTEN \"\(channel + schema)\"")) != nil else {
                Thread.sleep(forTimeInterval: 1)
                continue
            }
            if !first { handler(Self.resyncPayload) }
            first = false
            listen(on: connection)
        }
    }

    /// Waits for notifications until the connection breaks or the listener stops.
    private func listen(on connection: PostgresConnection) {
        while !isStopping {
            guard let payloads = connection.waitForNotifications(timeoutMilliseconds: 1_000) else { return }
            payloads.forEach(handler)
        }
    }
}

extension PostgresConnection {
    /// Waits up to `timeoutMilliseconds` for the socket to become readable and returns the
    /// notifications received (possibly none); `nil` when the connection broke.
    func waitForNotifications(timeoutMilliseconds: Int32) -> [String]? {
        let socket = library.socket(handle)
        guard socket >= 0 else { return nil }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeoutMilliseconds)
        if ready < 0 && errno != EINTR { return nil }
        if ready > 0 {
            guard library.consumeInput(handle) == 1 else { return nil }
        }
        var payloads: [String] = []
        while let raw = library.notifies(handle) {
            let notify = raw.assumingMemoryBound(to: PGNotify.self).pointee
            payloads.append(notify.extra.map { String(cString: $0) } ?? "")
            library.freemem(raw)
        }
        return isConnected ? payloads : nil
    }
}
