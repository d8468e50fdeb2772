/// What every event loop of one server shares: configuration, responder, the listening socket and
/// the count of open connections (which the cap applies to across loops).
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let responder: any HTTPResponder
    /// The same responder when it can answer on the I/O thread.
    let immediateResponder: (any ImmediateResponder)?
    let limits: RequestLimits
    let listenFD: Int32
    /// Where handlers and `EventStream` openers run.
    let handlers: HandlerExecutor
    private let openConnections = Locked(0)
    private let openStreams = Locked(0)

    init(configuration: ServerConfiguration, responder: any HTTPResponder, listenFD: Int32) {
        self.configuration = configuration
        self.responder = responder
        self.immediateResponder = responder as? any ImmediateResponder
        self.limits = configuration.requestLimits
        self.listenFD = listenFD
        self.handlers = HandlerExecutor(threads: configuration.handlerThreads)
    }

    /// Counts a new connection unless the cap is reached.
    func reserveConnection() -> Bool {
        openConnections.withLock { count in
            guard count < configuration.maxConnections else { return false }
            count += 1
            return true
        }
    }

    func releaseConnection() {
        openConnections.withLock { $0 -= 1 }
    }

    var connectionCount: Int { openConnections.withLock { $0 } }

    /// Counts a new event stream unless `maxEventStreams` are open.
    func reserveStream() -> Bool {
        openStreams.withLock { count in
            guard count < configuration.maxEventStreams else { return false }
            count += 1
            return true
        }
    }

    func releaseStream() {
        openStreams.withLock { $0 -= 1 }
    }

    var streamCount: Int { openStreams.withLock { $0 } }
}
