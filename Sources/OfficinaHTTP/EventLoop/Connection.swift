import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

/// One client connection. Owned by its event loop and touched only on that loop's thread; other
/// threads reach it through `loop.execute` (which is why it may cross into `@Sendable` closures).
///
/// One request is in flight at a time: while a handler runs the connection reads nothing more, so
/// pipelined requests wait in the kernel's buffer and are answered in order (RFC 9112 §9.3.2).
final class Connection: @unchecked Sendable {
    enum State {
        /// Reading (or waiting for) a request.
        case reading
        /// A handler is running; input waits.
        case responding
        /// An event stream is open; input is ignored.
        case streaming(ServerEventStream)
        /// Writing the last response, then lingering.
        case closing
        /// Our side is shut; reading and discarding until the client closes or the deadline.
        case lingering(deadline: UInt64)
        case closed
    }

    /// What the server remembers of the request in flight, to frame and log its response.
    struct InFlight {
        var method: HTTPMethod
        var path: String
        var isHead: Bool
        var keepAlive: Bool
        var minorVersion: Int
        var started: UInt64
    }

    let fd: Int32
    let token: UInt64
    let remoteAddress: String
    /// Unchecked: a connection's methods run only on its loop's thread, inside the loop's `run`,
    /// so the loop is alive whenever they do (other threads hold the loop itself strongly). A
    /// checked `unowned` cost an atomic retain and release on every one of the many uses per request.
    unowned(unsafe) let loop: EventLoop
    var state: State = .reading
    var decoder: RequestDecoder
    var output: [UInt8] = []
    var outputOffset = 0
    var inFlight: InFlight?
    /// When the head now arriving started (the connection's opening for the first request);
    /// nil while a kept-alive connection waits for its next request.
    var headStarted: UInt64?
    /// When the body of the request now arriving started (its head was complete).
    var bodyStarted: UInt64?
    /// The connection holds one of the server's event-stream slots (`ServerContext.reserveStream`).
    var holdsStreamSlot = false
    /// Last time bytes arrived.
    var lastRead: UInt64
    /// Last time bytes left, or output was queued on an empty buffer.
    var lastWrite: UInt64
    /// Input arrived while the connection was not reading; read it when it resumes.
    var inputPending = false
    /// Decoding paused until the pending output is written.
    var blockedOnOutput = false
    /// The client shut its sending side; finish the response in flight, then close.
    var peerHalfClosed = false
    /// The server is shutting down: answer what is in flight, then close.
    var shuttingDown = false
    /// A response was queued during the loop's turn and waits in `loop.pendingFlushes`.
    var flushScheduled = false

    init(fd: Int32, token: UInt64, remoteAddress: String, loop: EventLoop) {
        self.fd = fd
        self.token = token
        self.remoteAddress = remoteAddress
        self.loop = loop
        decoder = RequestDecoder(limits: loop.context.limits)
        let now = cel_monotonic_ns()
        headStarted = now
        lastRead = now
        lastWrite = now
    }

    var isClosed: Bool {
        if case .closed = state { true } else { false }
    }

    var hasPendingOutput: Bool { outputOffset < output.count }

    /// Handles what epoll reported for this connection.
    func handle(events: UInt32) {
        if events & cel_epollerr != 0 {
            close()
            return
        }
        if events & cel_epollout != 0, hasPendingOutput {
            flush()
            if isClosed { return }
        }
        if events & (cel_epollin | cel_epollrdhup | cel_epollhup) != 0 {
            switch state {
            case .reading, .lingering:
                readAvailable(peerClosed: events & (cel_epollrdhup | cel_epollhup) != 0)
            case .streaming:
                // A client never sends on an event stream; input here means it went away.
                if events & (cel_epollrdhup | cel_epollhup) != 0 { close() } else { discardInput() }
            case .responding, .closing:
                inputPending = true
                if events & cel_epollrdhup != 0 { peerHalfClosed = true }
                if events & cel_epollhup != 0 { close() }
            case .closed:
                break
            }
        }
    }

    /// Closes the socket and forgets the connection. Safe to call twice.
    func close() {
        if isClosed { return }
        let previous = state
        state = .closed
        _ = cel_epoll_remove(loop.epollFD, fd)
        loop.connections.remove(self)
        loop.context.releaseConnection()
        if holdsStreamSlot {
            holdsStreamSlot = false
            loop.context.releaseStream()
        }
        _ = Glibc.close(fd)
        output = []
        decoder = RequestDecoder(limits: decoder.limits)
        if case .streaming(let stream) = previous { stream.didClose() }
        loop.connectionDidClose()
    }

    /// Part of a graceful shutdown: idle connections close now, streams end, requests in flight
    /// finish first.
    func beginShutdown() {
        shuttingDown = true
        switch state {
        case .reading:
            if decoder.isIdle || !decoder.isReadingBody { close() }
        case .streaming(let stream):
            stream.close()
            close()
        case .responding, .closing, .lingering, .closed:
            break
        }
    }
}
