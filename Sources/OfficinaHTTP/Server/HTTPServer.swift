import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP/1.1 server: a listening socket, `ioThreads` event loops, and a responder.
///
///     let server = HTTPServer(configuration: configuration, responder: router)
///     try server.start()              // returns once listening
///     print("listening on", server.port)
///     server.runUntilSignalled()      // blocks until SIGINT/SIGTERM, then shuts down gracefully
///
/// Handlers run as Swift tasks on the server's own handler threads (`handlerThreads`), off the
/// I/O threads; responses go back to the connection's loop. `ImmediateResponder`s may answer
/// cheap requests on the I/O thread itself.
public final class HTTPServer: Sendable {
    public let configuration: ServerConfiguration
    public let responder: any HTTPResponder

    private struct Running {
        var context: ServerContext
        var loops: [EventLoop]
        var finished: [DispatchSemaphore]
    }

    private enum Phase {
        case idle
        case starting(stopRequested: Bool)
        case running(Running)
        case stopped
    }

    private let phase = Locked(Phase.idle)
    private let boundPort = Locked(0)

    public init(configuration: ServerConfiguration = ServerConfiguration(), responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// The port the server is bound to (useful when `configuration.port` is 0); 0 before `start()`.
    public var port: Int { boundPort.withLock { $0 } }

    /// Connections open right now, event streams included.
    public var connectionCount: Int {
        phase.withLock { phase in
            if case .running(let running) = phase { running.context.connectionCount } else { 0 }
        }
    }

    /// Handler jobs waiting, by lane (`HandlerExecutor`); for tests.
    var queuedHandlerJobs: (urgent: Int, normal: Int) {
        phase.withLock { phase in
            if case .running(let running) = phase { running.context.handlers.queued } else { (0, 0) }
        }
    }

    /// Binds, listens and starts the event loops; returns once the server accepts connections.
    /// Also ignores SIGPIPE (writes use MSG_NOSIGNAL too) and raises the soft open-file limit.
    /// Throws `HTTPServerError`, e.g. with `code == EADDRINUSE` when the port is taken.
    public func start() throws {
        // The lock only marks the phase: binding, creating loops and starting threads happen with
        // it released (docs/architecture.md, "Locks").
        try phase.withLock { phase in
            guard case .idle = phase else {
                throw HTTPServerError(operation: "start", message: "server already started")
            }
            phase = .starting(stopRequested: false)
        }
        let running: Running
        let port: Int
        do {
            (running, port) = try launch()
        } catch {
            phase.withLock { $0 = .idle }
            throw error
        }
        boundPort.withLock { $0 = port }
        let stopRequested = phase.withLock { phase -> Bool in
            let requested = if case .starting(true) = phase { true } else { false }
            phase = .running(running)
            return requested
        }
        if stopRequested { shutdown() }
    }

    private func launch() throws -> (Running, Int) {
        signal(SIGPIPE, SIG_IGN)
        ListeningSocket.raiseDescriptorLimit()
        let (fd, port) = try ListeningSocket.open(host: configuration.host, port: configuration.port)
        let context = ServerContext(configuration: configuration, responder: responder, listenFD: fd)
        var loops: [EventLoop] = []
        do {
            for _ in 0..<max(1, configuration.ioThreads) { loops.append(try EventLoop(context: context)) }
        } catch {
            close(fd)
            context.handlers.shutdown()
            throw error
        }
        for (index, loop) in loops.enumerated() {
            loop.siblings = loops
            loop.nextSibling = index
        }
        var finished: [DispatchSemaphore] = []
        for (index, loop) in loops.enumerated() {
            let done = DispatchSemaphore(value: 0)
            finished.append(done)
            let thread = Thread {
                loop.run()
                done.signal()
            }
            thread.name = "officina-io-\(index)"
            thread.start()
        }
        return (Running(context: context, loops: loops, finished: finished), port)
    }

    /// Graceful shutdown: stop accepting, let requests in flight finish (up to
    /// `shutdownTimeout`), end event streams, close every connection. Returns when all is closed.
    /// Must not be called from a handler (it waits for handlers).
    public func shutdown() {
        let running: Running? = phase.withLock { phase in
            if case .starting = phase {
                // `start()` shuts the server down as soon as it is running.
                phase = .starting(stopRequested: true)
                return nil
            }
            guard case .running(let running) = phase else { return nil }
            phase = .stopped
            return running
        }
        guard let running else { return }
        let drained = DispatchGroup()
        let notAccepting = DispatchGroup()
        for loop in running.loops {
            drained.enter()
            notAccepting.enter()
            loop.drain(stoppedAccepting: { notAccepting.leave() }) { drained.leave() }
        }
        // Stop listening as soon as no loop accepts: a listening socket left open during the drain
        // keeps completing handshakes into its backlog, and those connections are reset with their
        // requests unread when it closes. Refused at once instead, a proxy passes them to another
        // instance (even a POST: nothing was sent). The descriptor stays open until the loops end.
        // One deadline bounds both waits, so a loaded machine that is slow to stop accepting still
        // closes the listener during the drain, and the whole shutdown stays within `shutdownTimeout`.
        let deadline = DispatchTime.now() + configuration.shutdownTimeout
        if notAccepting.wait(timeout: deadline) == .success {
            _ = Glibc.shutdown(running.context.listenFD, Int32(SHUT_RDWR))
        }
        _ = drained.wait(timeout: deadline)
        for loop in running.loops { loop.stop() }
        // A loop ends within one turn once stopped; a loop that does not (stuck in a callback it
        // should never have made) must not keep the process from exiting.
        let stopped = DispatchTime.now() + 1
        for done in running.finished { _ = done.wait(timeout: stopped) }
        close(running.context.listenFD)
        running.context.handlers.shutdown()
    }

    /// Blocks until SIGINT or SIGTERM, then shuts down gracefully. Returns the signal received.
    @discardableResult
    public func runUntilSignalled() -> Int32 {
        let received = Locked<Int32>(0)
        let signalled = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                received.withLock { $0 = number }
                signalled.signal()
            }
            source.resume()
            return source
        }
        signalled.wait()
        sources.forEach { $0.cancel() }
        shutdown()
        return received.withLock { $0 }
    }

    /// The loops, for tests that inspect CPU use and accept pauses.
    var eventLoops: [EventLoop] {
        phase.withLock { phase in
            if case .running(let running) = phase { running.loops } else { [] }
        }
    }
}
