/// The server's `EventStream`: any thread may send; bytes are handed to the connection's loop.
///
/// The bound on a slow client is checked twice: here, against bytes queued for the loop plus the
/// last backlog the loop reported, so a burst from another thread cannot pile up unbounded; and on
/// the loop, against the real output buffer. Either way the client is dropped, never waited for.
final class ServerEventStream: EventStream, @unchecked Sendable {
    private struct State {
        var open = true
        var queuedBytes = 0
        var backlog = 0
        var callbacks: [@Sendable () -> Void] = []
    }

    private let state = Locked(State())
    private let connection: Connection
    private let loop: EventLoop
    let maxPendingBytes: Int

    init(connection: Connection, maxPendingBytes: Int) {
        self.connection = connection
        self.loop = connection.loop
        self.maxPendingBytes = maxPendingBytes
    }

    func send(event: String?, data: String, id: String?) {
        enqueue(EventStreamFormat.event(event, data: data, id: id))
    }

    func comment(_ text: String) {
        enqueue(EventStreamFormat.comment(text))
    }

    var isOpen: Bool { state.withLock { $0.open } }

    func onClose(_ callback: @escaping @Sendable () -> Void) {
        let alreadyClosed = state.withLock { state in
            if state.open { state.callbacks.append(callback) }
            return !state.open
        }
        if alreadyClosed { callback() }
    }

    func close() {
        guard let callbacks = markClosed() else { return }
        let connection = self.connection
        loop.execute { connection.endStream() }
        callbacks.forEach { $0() }
    }

    private func enqueue(_ bytes: [UInt8]) {
        let count = bytes.count
        let overflow: Bool? = state.withLock { state in
            guard state.open else { return nil }
            state.queuedBytes += count
            return state.queuedBytes + state.backlog > maxPendingBytes
        }
        guard let overflow else { return }
        let connection = self.connection
        if overflow {
            guard let callbacks = markClosed() else { return }
            loop.execute { connection.close() }
            callbacks.forEach { $0() }
            return
        }
        loop.execute { [self] in
            state.withLock { $0.queuedBytes -= count }
            connection.queueStreamBytes(bytes)
        }
    }

    /// On the loop: a heartbeat comment when nothing else was written for a while.
    func heartbeat() {
        guard isOpen else { return }
        connection.queueStreamBytes(EventStreamFormat.comment(""))
    }

    /// On the loop: bytes still waiting in the connection's output buffer.
    func updateBacklog(_ bytes: Int) {
        state.withLock { $0.backlog = bytes }
    }

    /// On the loop: the connection closed (client gone, dropped, or server shutting down).
    func didClose() {
        markClosed()?.forEach { $0() }
    }

    /// Flips to closed once; returns the callbacks to run, or nil if already closed.
    private func markClosed() -> [@Sendable () -> Void]? {
        state.withLock { state in
            guard state.open else { return nil }
            state.open = false
            let callbacks = state.callbacks
            state.callbacks = []
            return callbacks
        }
    }
}
