import Dispatch

/// The server's `EventStream`: any thread may send; bytes are handed to the connection's loop.
///
/// The bound on a slow client is checked twice: here, against bytes queued for the loop plus the
/// last backlog the loop reported, so a burst from another thread cannot pile up unbounded; and on
/// the loop, against the real output buffer. Either way the client is dropped, never waited for.
///
/// Nothing here calls out while holding `state`'s lock, and close callbacks never run on the
/// caller's stack: they are dispatched, because the caller may be inside its own critical section
/// (a hub sending under its lock, whose callback takes that lock again, would deadlock).
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

    func send(_ frame: EventFrame) {
        enqueue(frame.bytes)
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
        if alreadyClosed { Self.runLater([callback]) }
    }

    func close() {
        guard let callbacks = markClosed() else { return }
        let connection = self.connection
        loop.execute { connection.endStream() }
        Self.runLater(callbacks)
    }

    /// Queues bytes for the loop. A stream whose backlog would pass `maxPendingBytes` is dropped
    /// instead; one event larger than the bound still goes to a stream that has nothing pending,
    /// or a client that reads could never receive it.
    private func enqueue(_ bytes: [UInt8]) {
        let count = bytes.count
        let overflow: Bool? = state.withLock { state in
            guard state.open else { return nil }
            let pending = state.queuedBytes + state.backlog
            if pending > 0, pending + count > maxPendingBytes { return true }
            state.queuedBytes += count
            return false
        }
        guard let overflow else { return }
        let connection = self.connection
        if overflow {
            guard let callbacks = markClosed() else { return }
            loop.execute { connection.close() }
            Self.runLater(callbacks)
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
        if let callbacks = markClosed() { Self.runLater(callbacks) }
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

    /// Runs close callbacks on another thread, after whoever closed the stream has returned.
    private static func runLater(_ callbacks: [@Sendable () -> Void]) {
        guard !callbacks.isEmpty else { return }
        DispatchQueue.global().async { callbacks.forEach { $0() } }
    }
}
