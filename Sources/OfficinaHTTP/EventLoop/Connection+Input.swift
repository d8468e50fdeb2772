import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

extension Connection {
    /// Reads until the socket is drained or a request is dispatched (then input waits in the
    /// kernel, which is our backpressure on pipelining floods). `peerClosed` (epoll said RDHUP or
    /// HUP) means the end of input is already queued behind the bytes: read on to it, because an
    /// edge-triggered epoll will not report it again (a connection accepted late, after its client
    /// sent part of a head and left, would otherwise wait for the header timeout).
    func readAvailable(peerClosed: Bool = false) {
        inputPending = false
        let buffer = loop.readBuffer
        while true {
            let count = cel_recv(fd, buffer.baseAddress, UInt(buffer.count))
            if count > 0 {
                let now = cel_monotonic_ns()
                lastRead = now
                if case .lingering = state { continue }
                if headStarted == nil, !decoder.isReadingBody { headStarted = now }
                decoder.append(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
                processInput()
                guard case .reading = state, !blockedOnOutput else {
                    // Not reading now: whatever is left in the socket waits. With edge-triggered
                    // epoll no new event may come for it, so remember to look when reading resumes.
                    // A read that did not fill the buffer emptied the socket: what arrives later
                    // raises an event of its own.
                    if !isClosed, count == buffer.count || peerClosed { inputPending = true }
                    return
                }
                if count < buffer.count, !peerClosed { return }
            } else if count == 0 {
                // The client closed its side. A request still arriving can never complete; a
                // response still being written is finished first.
                if case .reading = state, hasPendingOutput {
                    state = .closing
                } else {
                    close()
                }
                return
            } else {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK { return }
                if code == EINTR { continue }
                close()
                return
            }
        }
    }

    /// Reads and drops input (event streams, lingering close).
    func discardInput() {
        let buffer = loop.readBuffer
        while true {
            let count = cel_recv(fd, buffer.baseAddress, UInt(buffer.count))
            if count == 0 { close(); return }
            if count < 0 {
                if errno == EINTR { continue }
                if errno != EAGAIN && errno != EWOULDBLOCK { close() }
                return
            }
        }
    }

    /// Decodes and dispatches buffered requests while the connection is reading.
    func processInput() {
        while case .reading = state {
            // A client that pipelines without reading its responses gets no more answers until
            // it reads: the output buffer stays bounded by one response.
            if hasPendingOutput {
                blockedOnOutput = true
                return
            }
            switch decoder.next() {
            case .needMore:
                if bodyStarted == nil, decoder.isReadingBody { bodyStarted = cel_monotonic_ns() }
                return
            case .expectContinue:
                queue(ResponseEncoder.continueResponse)
                flush()
            case .error(let error):
                refuse(error)
                return
            case .request(let request):
                dispatch(request)
            }
        }
    }

    /// Answers a request the decoder refused, then closes: what follows it cannot be framed.
    func refuse(_ error: HTTPError) {
        let now = cel_monotonic_ns()
        inFlight = InFlight(
            method: HTTPMethod(rawValue: "-"), path: "-", isHead: false, keepAlive: false,
            minorVersion: 1, started: now)
        write(ResponseEncoder.errorResponse(error))
    }

    /// Hands a request to the responder off the I/O thread; the response comes back through
    /// `loop.execute`.
    private func dispatch(_ decoded: DecodedRequest) {
        let head = decoded.head
        state = .responding
        headStarted = nil
        bodyStarted = nil
        inFlight = InFlight(
            method: head.method, path: head.path, isHead: head.method == .head,
            keepAlive: head.keepAlive && !shuttingDown, minorVersion: head.minorVersion,
            started: lastRead)
        var request = HTTPRequest(
            method: head.method, path: head.path, query: head.query, headers: head.headers,
            body: decoded.body, remoteAddress: remoteAddress)
        request.rawPath = head.rawPath
        if let immediate = loop.context.immediateResponder?.respondImmediately(to: request) {
            // Answered on this thread; `processInput`'s loop goes on to the next pipelined request.
            write(immediate)
            return
        }
        let responder = loop.context.responder
        let loop = self.loop
        // Requests that change something go first on the handler threads (`HandlerExecutor`).
        Task(executorPreference: loop.context.handlers, priority: head.method.isUnsafe ? .high : .medium) {
            let response = await responder.respond(to: request)
            loop.execute { [self] in complete(response) }
        }
    }
}
