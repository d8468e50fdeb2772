/// Turns the bytes of one connection into requests, one at a time. A pure value: feed it bytes with
/// `append`, ask `next()` for a request, and it answers needs-more, a request, or an error. It never
/// does I/O, so tests drive it from byte literals and the fuzzer from random ones.
///
///     var decoder = RequestDecoder(limits: RequestLimits())
///     decoder.append(Array("GET / HTTP/1.1\r\nHost: a\r\n\r\n".utf8))
///     if case .request(let request) = decoder.next() { ... }
///
/// Bounds are checked before the bytes they guard are kept: a request line past its limit is 414 as
/// soon as the limit is crossed, not when the line ends (RFC 9112 §3, STYLE.md pitfall 3).
public struct RequestDecoder: Sendable {
    public let limits: RequestLimits
    private(set) var buffer: [UInt8] = []
    /// Index of the first byte not yet consumed.
    private var start = 0
    /// How many bytes past `start` were already searched for the end of the head.
    private var scanned = 0
    private var pending: PendingBody? {
        // Kept as a flag beside it: testing the enum itself for nil copies its payload (a whole head).
        didSet { readingBody = pending.map { _ in true } ?? false }
    }
    private var readingBody = false
    private var continueAnnounced = false
    private var failure: HTTPError?

    private enum PendingBody: Sendable {
        case length(RequestHead, Int)
        case chunked(RequestHead, ChunkedBodyDecoder)
    }

    public init(limits: RequestLimits) {
        self.limits = limits
    }

    /// Bytes received but not yet consumed by a request.
    public var bufferedByteCount: Int { buffer.count - start }

    /// True when nothing of a next request has arrived.
    public var isIdle: Bool { !readingBody && bufferedByteCount == 0 }

    /// True once a head was accepted and its body is still arriving.
    public var isReadingBody: Bool { readingBody }

    public mutating func append(_ bytes: [UInt8]) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Drops the consumed prefix once it is worth a copy; releases a large buffer when empty.
    private mutating func compact() {
        if start == buffer.count {
            if buffer.capacity > 64 * 1024 { buffer = [] } else { buffer.removeAll(keepingCapacity: true) }
            start = 0
        } else if start >= 4096 && start * 2 >= buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    /// Frees the buffer's memory if nothing is held, for connections that go idle.
    public mutating func shrinkIfIdle() {
        if isIdle { buffer = []; start = 0 }
    }

    /// The next event in the bytes received so far.
    public mutating func next() -> DecodeResult {
        if let failure { return .error(failure) }
        let result = readingBody ? nextBody() : nextHead()
        if case .error(let error) = result { failure = error }
        return result
    }

    private mutating func nextHead() -> DecodeResult {
        // RFC 9112 §2.2: ignore empty lines received before the request line.
        while buffer.count - start >= 2, buffer[start] == ByteClass.cr, buffer[start + 1] == ByteClass.lf {
            start += 2
        }
        let available = buffer.count - start
        if available == 0 { return .needMore }
        switch findHeadEnd() {
        case .some(let end):
            let head = buffer[start..<(end - 2)]
            if let lineEnd = head.firstIndex(of: ByteClass.lf) {
                if lineEnd - 1 - start > limits.maxRequestLineBytes { return .error(.uriTooLong) }
                // The field block's size is judged before its contents, as `checkIncompleteHead` judges
                // it while the head is still arriving: otherwise an oversized head with a bad line in it
                // would be a 400 when it came in one read and a 431 when it came in several.
                if end - (lineEnd + 1) > limits.maxHeaderBytes + 2 { return .error(.headerFieldsTooLarge) }
            }
            switch RequestHeadParser.parse(head, limits: limits) {
            case .failure(let error):
                return .error(error)
            case .success(let parsed):
                start = end
                scanned = 0
                continueAnnounced = false
                switch parsed.framing {
                case .none:
                    return .request(DecodedRequest(head: parsed, body: []))
                case .length(let length):
                    pending = .length(parsed, length)
                case .chunked:
                    pending = .chunked(parsed, ChunkedBodyDecoder(
                        maxBodyBytes: limits.maxBodyBytes, maxTrailerBytes: limits.maxHeaderBytes))
                }
                return nextBody()
            }
        case .none:
            return checkIncompleteHead(available: available)
        }
    }

    /// Bounds on a head still arriving: the request line and the field block are capped separately.
    private func checkIncompleteHead(available: Int) -> DecodeResult {
        let region = buffer[start...]
        guard let lineEnd = region.firstIndex(of: ByteClass.lf) else {
            return available > limits.maxRequestLineBytes + 1 ? .error(.uriTooLong) : .needMore
        }
        if lineEnd - 1 - start > limits.maxRequestLineBytes { return .error(.uriTooLong) }
        // The field block plus the final CRLF that has not arrived yet.
        if buffer.count - (lineEnd + 1) > limits.maxHeaderBytes + 2 { return .error(.headerFieldsTooLarge) }
        return .needMore
    }

    /// Index just past the `CRLF CRLF` that ends the head, resuming where the last search stopped.
    private mutating func findHeadEnd() -> Int? {
        let from = max(start, start + scanned - 3)
        let found: Int? = buffer.withUnsafeBufferPointer { bytes in
            var index = from
            let count = bytes.count
            while index + 3 < count {
                if bytes[index + 3] != ByteClass.lf {
                    index += bytes[index + 3] == ByteClass.cr ? 1 : 4
                    continue
                }
                if bytes[index] == ByteClass.cr && bytes[index + 1] == ByteClass.lf && bytes[index + 2] == ByteClass.cr {
                    return index + 4
                }
                index += 1
            }
            return nil
        }
        if found == nil { scanned = buffer.count - start }
        return found
    }

    private mutating func nextBody() -> DecodeResult {
        switch pending {
        case .none:
            return .needMore
        case .length(let head, let length):
            if buffer.count - start >= length {
                let body = Array(buffer[start..<(start + length)])
                start += length
                pending = nil
                return .request(DecodedRequest(head: head, body: body))
            }
            return announceContinue(head)
        case .chunked(let head, var decoder):
            let (consumed, outcome) = decoder.decode(buffer[start...])
            start += consumed
            switch outcome {
            case .failed(let error):
                pending = nil
                return .error(error)
            case .done:
                pending = nil
                return .request(DecodedRequest(head: head, body: decoder.body))
            case .needMore:
                pending = .chunked(head, decoder)
                return announceContinue(head)
            }
        }
    }

    /// `.expectContinue` once per request whose client waits for it (RFC 9110 §10.1.1).
    private mutating func announceContinue(_ head: RequestHead) -> DecodeResult {
        guard head.expectsContinue, !continueAnnounced else { return .needMore }
        continueAnnounced = true
        return .expectContinue
    }
}
