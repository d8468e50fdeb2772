import CEventLoop

extension Connection {
    /// Applies the deadlines, called by the loop's sweep a few times per shortest timeout.
    func checkTimers(now: UInt64) {
        let configuration = loop.context.configuration
        let idle = UInt64(configuration.idleTimeout * 1e9)
        if hasPendingOutput, now - lastWrite > idle, !isStreaming {
            // The client stopped reading a response.
            close()
            return
        }
        switch state {
        case .reading:
            if decoder.isReadingBody {
                // A body must keep coming and must end: one byte every few seconds would otherwise
                // hold the connection (and a handler's worth of memory) for as long as it likes.
                let started = bodyStarted ?? now
                if now - started > UInt64(configuration.bodyTimeout * 1e9)
                    || now - lastRead > UInt64(configuration.bodyStallTimeout * 1e9) {
                    refuse(.requestTimeout)
                }
            } else if let started = headStarted {
                if now - started > UInt64(configuration.headerTimeout * 1e9) { refuse(.requestTimeout) }
            } else if now - lastRead > idle {
                close()
            }
        case .streaming(let stream):
            if !hasPendingOutput, now - lastWrite >= UInt64(configuration.sseHeartbeat * 1e9) {
                stream.heartbeat()
            }
        case .lingering(let deadline):
            if now >= deadline { close() }
        case .responding, .closing, .closed:
            break
        }
    }

    private var isStreaming: Bool {
        if case .streaming = state { true } else { false }
    }
}
