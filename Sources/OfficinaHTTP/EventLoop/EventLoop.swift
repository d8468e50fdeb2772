import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

/// One I/O thread: an epoll instance, the connections it owns, and a queue through which other
/// threads hand it work. Everything but `execute` runs on the loop's own thread.
///
/// Connections are registered once, edge-triggered for input and output, so a connection with
/// nothing to do costs no wake-ups and a stalled reader cannot spin the loop (STYLE.md pitfall 6).
final class EventLoop: @unchecked Sendable {
    static let wakeToken = UInt64.max
    static let listenToken = UInt64.max - 1

    let context: ServerContext
    let epollFD: Int32
    private let wakeFD: Int32
    private let queue = Locked<[@Sendable () -> Void]>([])
    var connections = ConnectionTable()
    /// Every loop of the server, this one included; set before the threads start.
    var siblings: [EventLoop] = []
    var nextSibling = 0
    /// Reused for every `recv` on this loop.
    let readBuffer: UnsafeMutableRawBufferPointer
    private(set) var dateHeader = ""
    private var dateSecond = -1
    private var running = true
    var accepting = false
    var acceptPausedUntil: UInt64 = 0
    /// Times accepting was paused for lack of descriptors (tests read it).
    var acceptPauses = 0
    private var draining = false
    private var drained: (@Sendable () -> Void)?
    private var nextSweep: UInt64 = 0
    let sweepInterval: UInt64
    /// CPU time of the loop thread, published for tests that check for busy loops.
    let cpuTime = Locked<UInt64>(0)
    /// While the loop handles one turn's events and tasks, answers are queued and their
    /// connections listed here, to be sent together when the turn ends (`flushPending`).
    var batchingOutput = false
    var pendingFlushes: [Connection] = []

    init(context: ServerContext) throws {
        self.context = context
        epollFD = cel_epoll_create()
        guard epollFD >= 0 else { throw HTTPServerError(operation: "epoll_create1", code: errno) }
        wakeFD = cel_eventfd()
        guard wakeFD >= 0 else {
            let code = errno
            close(epollFD)
            throw HTTPServerError(operation: "eventfd", code: code)
        }
        // Every way out that closes by hand comes before the last stored property is set: from
        // then on a throw runs `deinit`, which closes both descriptors again.
        guard cel_epoll_add(epollFD, wakeFD, cel_epollin, Self.wakeToken) == 0 else {
            let code = errno
            close(wakeFD)
            close(epollFD)
            throw HTTPServerError(operation: "epoll_ctl", code: code)
        }
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        let configuration = context.configuration
        let shortest = min(configuration.headerTimeout, configuration.idleTimeout, configuration.sseHeartbeat,
                           configuration.lingerTimeout, configuration.bodyStallTimeout)
        sweepInterval = UInt64(min(max(shortest / 4, 0.005), 0.25) * 1e9)
    }

    deinit {
        readBuffer.deallocate()
        close(wakeFD)
        close(epollFD)
    }

    /// Runs `task` on the loop's thread soon. Safe from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) {
        let wasEmpty = queue.withLock { tasks in
            tasks.append(task)
            return tasks.count == 1
        }
        if wasEmpty { _ = cel_eventfd_signal(wakeFD) }
    }

    /// The loop body; returns after `stop()`.
    func run() {
        startAccepting()
        let capacity = 256
        let tokens = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        let events = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        defer {
            tokens.deallocate()
            events.deallocate()
        }
        refreshDate()
        while running {
            let now = cel_monotonic_ns()
            var wake = nextSweep
            if acceptPausedUntil != 0 { wake = min(wake, acceptPausedUntil) }
            let wait = wake > now ? Int32((wake - now) / 1_000_000) + 1 : 0
            let count = cel_epoll_wait(epollFD, tokens, events, Int32(capacity), wait)
            refreshDate()
            batchingOutput = true
            for index in 0..<Int(max(count, 0)) {
                let token = tokens[index]
                switch token {
                case Self.wakeToken: cel_eventfd_drain(wakeFD)
                case Self.listenToken: acceptConnections()
                default: connections.lookup(token)?.handle(events: events[index])
                }
            }
            runQueuedTasks()
            flushPending()
            let after = cel_monotonic_ns()
            if acceptPausedUntil != 0, after >= acceptPausedUntil { resumeAccepting() }
            if after >= nextSweep {
                sweep(now: after)
                nextSweep = after + sweepInterval
                let spent = cel_thread_cpu_ns()
                cpuTime.withLock { $0 = spent }
            }
        }
        connections.forEach { $0.close() }
        runQueuedTasks()
        siblings = []
    }

    /// Sends what the turn's answers queued. Output from here on (a pipelined request answered
    /// once its predecessor left) is sent at once.
    private func flushPending() {
        batchingOutput = false
        for connection in pendingFlushes {
            connection.flushScheduled = false
            if !connection.isClosed { connection.flush() }
        }
        pendingFlushes.removeAll(keepingCapacity: true)
    }

    private func runQueuedTasks() {
        // Tasks may enqueue more tasks; those run on the next turn, after I/O.
        let tasks = queue.withLock { tasks in
            let taken = tasks
            tasks.removeAll(keepingCapacity: true)
            return taken
        }
        for task in tasks { task() }
    }

    private func refreshDate() {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let second = Int(now.tv_sec)
        if second != dateSecond {
            dateSecond = second
            dateHeader = HTTPDate.format(secondsSince1970: second)
        }
    }

    /// Wall-clock seconds since 1970, for the access log.
    var wallClock: Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    private func resumeAccepting() {
        acceptPausedUntil = 0
        if !draining { startAccepting() }
    }

    private func sweep(now: UInt64) {
        connections.forEach { $0.checkTimers(now: now) }
    }

    /// Stops the loop after its current turn. Safe from any thread.
    func stop() {
        execute { [self] in running = false }
    }

    /// Graceful drain: stop accepting (then call `stoppedAccepting`), close idle connections and
    /// streams, let requests in flight finish, then call `done` (on the loop thread) once no
    /// connection is left.
    func drain(stoppedAccepting: @escaping @Sendable () -> Void = {}, _ done: @escaping @Sendable () -> Void) {
        execute { [self] in
            draining = true
            drained = done
            stopAccepting()
            stoppedAccepting()
            for connection in connections.all { connection.beginShutdown() }
            connectionDidClose()
        }
    }

    var isDraining: Bool { draining }

    /// Called after a connection left the table.
    func connectionDidClose() {
        guard draining, connections.count == 0, let done = drained else { return }
        drained = nil
        done()
    }
}
