import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

extension Connection {
    /// Appends bytes to the output buffer.
    func queue(_ bytes: [UInt8]) {
        if !hasPendingOutput { lastWrite = cel_monotonic_ns() }
        output.append(contentsOf: bytes)
    }

    /// Writes as much pending output as the socket takes. What is left goes out when epoll reports
    /// the socket writable again.
    func flush() {
        var written = 0
        var failed = false
        output.withUnsafeBytes { bytes in
            while outputOffset + written < bytes.count {
                let count = cel_send(fd, bytes.baseAddress?.advanced(by: outputOffset + written), UInt(bytes.count - outputOffset - written))
                if count > 0 {
                    written += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    failed = count < 0 && errno != EAGAIN && errno != EWOULDBLOCK
                    break
                }
            }
        }
        if failed {
            close()
            return
        }
        if written > 0 {
            outputOffset += written
            lastWrite = cel_monotonic_ns()
        }
        if outputOffset == output.count {
            if output.capacity > 64 * 1024 { output = [] } else { output.removeAll(keepingCapacity: true) }
            outputOffset = 0
            outputDrained()
        } else if outputOffset > 64 * 1024, outputOffset * 2 > output.count {
            output.removeSubrange(0..<outputOffset)
            outputOffset = 0
        }
        if case .streaming(let stream) = state { stream.updateBacklog(output.count - outputOffset) }
    }

    private func outputDrained() {
        if case .reading = state, blockedOnOutput {
            blockedOnOutput = false
            resumeReading()
            return
        }
        guard case .closing = state else { return }
        // Shut our side and read until the client closes, so bytes it already sent do not turn
        // into a reset that destroys the response before it is read (RFC 9112 §9.6).
        _ = shutdown(fd, Int32(SHUT_WR))
        state = .lingering(deadline: cel_monotonic_ns() + UInt64(loop.context.configuration.lingerTimeout * 1e9))
        readAvailable()
    }

    /// A body at least this large is sent from where it is (a cached answer's bytes) together with
    /// its head, instead of being copied into the output buffer first; only what the socket does
    /// not take at once is copied.
    static let directBodyBytes = 16 * 1024

    /// Queues or sends a response with a byte body, and returns the count of its body bytes: a large
    /// body while nothing else is queued leaves at once, from the shared body's file when it has
    /// one, else from where the bytes are; anything else is copied into the output buffer.
    private func send(_ response: HTTPResponse, body: [UInt8], shared: SharedBody?, context: ResponseEncoder.Context) -> Int {
        guard body.count >= Self.directBodyBytes, output.isEmpty else {
            return ResponseEncoder.encode(status: response.status, headers: response.headers, body: body, context: context, into: &output)
        }
        if !context.isHead, let file = shared?.descriptor {
            return sendFromFile(response, body: body, file: file, context: context)
        }
        return sendDirectly(response, body: body, context: context)
    }

    /// Sends the head, then the body from `file` (which holds exactly `body`) with `sendfile`;
    /// whatever the socket does not take now is copied into the output buffer from `body`, as
    /// `sendDirectly` does. Nothing else is queued.
    private func sendFromFile(_ response: HTTPResponse, body: [UInt8], file: Int32, context: ResponseEncoder.Context) -> Int {
        guard ResponseEncoder.encodeHead(status: response.status, headers: response.headers, bodyCount: body.count,
                                         context: context, into: &output) else { return 0 }
        var sent = 0
        repeat {
            sent = output.withUnsafeBytes { cel_send_more(fd, $0.baseAddress, UInt($0.count)) }
        } while sent < 0 && errno == EINTR
        guard sent == output.count else {
            // Rare: the head itself did not fit. Queue the rest of it and the whole body.
            outputOffset = max(0, sent)
            if sent > 0 { lastWrite = cel_monotonic_ns() }
            output.append(contentsOf: body)
            return body.count
        }
        lastWrite = cel_monotonic_ns()
        output.removeAll(keepingCapacity: true)
        var offset = 0
        while offset < body.count {
            let count = cel_sendfile(fd, file, &offset, UInt(body.count - offset))
            if count > 0 { continue }
            if count < 0 && errno == EINTR { continue }
            // EAGAIN (the socket is full) or an error: `flush` sends the rest or meets the error.
            break
        }
        if offset < body.count { output.append(contentsOf: body[offset...]) }
        return body.count
    }

    /// Sends the head and `body` in one call while nothing else is queued, keeps what the socket
    /// did not take as pending output, and returns the count of body bytes of the response.
    private func sendDirectly(_ response: HTTPResponse, body: [UInt8], context: ResponseEncoder.Context) -> Int {
        guard ResponseEncoder.encodeHead(status: response.status, headers: response.headers, bodyCount: body.count,
                                         context: context, into: &output) else { return 0 }
        var sent = 0
        while true {
            sent = output.withUnsafeBytes { head in
                body.withUnsafeBytes { bytes in
                    cel_send_two(fd, head.baseAddress, UInt(head.count), bytes.baseAddress, UInt(bytes.count))
                }
            }
            if sent >= 0 || errno != EINTR { break }
        }
        // A failed send leaves everything queued: `flush` meets the same error and closes.
        let taken = max(0, sent)
        if taken > 0 { lastWrite = cel_monotonic_ns() }
        if taken >= output.count {
            let bodyTaken = taken - output.count
            output.removeAll(keepingCapacity: true)
            output.append(contentsOf: body[bodyTaken...])
        } else {
            outputOffset = taken
            output.append(contentsOf: body)
        }
        return body.count
    }

    /// Writes the response to the request in flight, answered by a task, and resumes reading.
    func complete(_ response: HTTPResponse) {
        guard !isClosed, inFlight != nil else { return }
        write(response)
        resumeReading()
    }

    /// Writes the response to the request in flight and moves to the next state.
    func write(_ response: HTTPResponse) {
        guard !isClosed, let request = inFlight else { return }
        inFlight = nil
        var response = response
        if !ResponseEncoder.headersAreSafe(response.headers) {
            response = HTTPResponse(status: .internalServerError, contentType: "text/plain; charset=utf-8", text: "Internal Server Error\n")
        }
        var keepAlive = request.keepAlive && !peerHalfClosed && !shuttingDown
        if case .eventStream = response.body, !request.isHead, !shuttingDown {
            if loop.context.reserveStream() {
                holdsStreamSlot = true
            } else {
                // Every stream slot is taken: the slots left are for ordinary requests, and this
                // connection gives its own back too.
                response = HTTPResponse.jsonError(
                    .serviceUnavailable, code: "too_many_streams", message: "Too many live streams are open; try again shortly.")
                response.headers["Retry-After"] = "5"
                keepAlive = false
            }
        }
        let context = ResponseEncoder.Context(
            isHead: request.isHead, keepAlive: keepAlive, minorVersion: request.minorVersion, date: loop.dateHeader)
        let now = cel_monotonic_ns()
        if !hasPendingOutput { lastWrite = now }
        var bytes = 0
        switch response.body {
        case .bytes(let body):
            bytes = send(response, body: body, shared: nil, context: context)
            state = keepAlive ? .reading : .closing
        case .shared(let shared):
            bytes = send(response, body: shared.bytes, shared: shared, context: context)
            state = keepAlive ? .reading : .closing
        case .eventStream(let open):
            ResponseEncoder.encodeStreamHead(status: response.status, headers: response.headers, context: context, into: &output)
            if request.isHead || shuttingDown {
                state = .closing
            } else {
                let stream = ServerEventStream(connection: self, maxPendingBytes: loop.context.configuration.sseMaxPendingBytes)
                state = .streaming(stream)
                Task(executorPreference: loop.context.handlers) { await open(stream) }
            }
        }
        log(request, status: response.status.code, bytes: bytes)
        if case .reading = state {
            lastRead = now
            if !decoder.isIdle { headStarted = lastRead }
        }
        scheduleFlush()
    }

    /// Flushes at the end of the loop's turn when the loop is handling a batch of events, so the
    /// answers of one turn leave together (the clients woken once per turn rather than once per
    /// answer); at once otherwise.
    func scheduleFlush() {
        guard loop.batchingOutput else {
            flush()
            return
        }
        if !flushScheduled {
            flushScheduled = true
            loop.pendingFlushes.append(self)
        }
    }

    /// After a response on a kept-alive connection: answer pipelined requests already buffered,
    /// then read what waited in the socket.
    private func resumeReading() {
        guard case .reading = state else { return }
        processInput()
        if case .reading = state, !blockedOnOutput, inputPending { readAvailable() }
        if case .reading = state, decoder.isIdle { decoder.shrinkIfIdle() }
    }

    private func log(_ request: InFlight, status: Int, bytes: Int) {
        let accessLog = loop.context.configuration.accessLog
        if case .disabled = accessLog { return }
        let micros = Int((cel_monotonic_ns() - request.started) / 1000)
        accessLog.record(AccessLogEntry(
            time: loop.wallClock, method: request.method.rawValue, path: request.path, status: status,
            bytes: bytes, microseconds: micros, remoteAddress: remoteAddress))
    }

    /// Appends event-stream bytes, dropping the client if its backlog would pass the bound (one
    /// event larger than the bound still goes out when nothing else is pending).
    func queueStreamBytes(_ bytes: [UInt8]) {
        guard case .streaming = state else { return }
        let pending = output.count - outputOffset
        if pending > 0, pending + bytes.count > loop.context.configuration.sseMaxPendingBytes {
            close()
            return
        }
        queue(bytes)
        flush()
    }

    /// Ends an event stream from the server side: flush what is queued, then close.
    func endStream() {
        guard case .streaming = state else { return }
        state = .closing
        flush()
    }
}
