/// Parses one request head (the request line and its field lines) from bytes. Pure: no I/O, no
/// state; the decoder hands it the bytes up to, not including, the blank line that ends the head.
///
/// Everything RFC 9112 lets a server refuse, we refuse: bare CR or LF, obs-fold, whitespace before
/// a colon, control bytes in values, duplicate or malformed lengths, both length headers.
enum RequestHeadParser {
    /// Parses `head`, where every line (the last included) ends in CRLF.
    static func parse(_ head: ArraySlice<UInt8>, limits: RequestLimits) -> Result<RequestHead, HTTPError> {
        var lines = LineReader(bytes: head)
        guard let requestLine = lines.next() else { return .failure(.badRequest(.malformedRequestLine)) }
        guard case .line(let line) = requestLine else { return .failure(.badRequest(.bareLineEnding)) }
        if line.count > limits.maxRequestLineBytes { return .failure(.uriTooLong) }
        let start: RequestLine
        switch RequestLine.parse(line) {
        case .success(let parsed): start = parsed
        case .failure(let error): return .failure(error)
        }

        var headers = HTTPHeaders()
        var fieldBytes = 0
        var fieldCount = 0
        while let next = lines.next() {
            guard case .line(let line) = next else { return .failure(.badRequest(.bareLineEnding)) }
            fieldBytes += line.count + 2
            if fieldBytes > limits.maxHeaderBytes { return .failure(.headerFieldsTooLarge) }
            if fieldCount == limits.maxHeaderCount { return .failure(.headerFieldsTooLarge) }
            fieldCount += 1
            switch parseField(line) {
            case .success(let field): headers.add(field.name, field.value)
            case .failure(let error): return .failure(error)
            }
        }
        return RequestSemantics.interpret(start, headers: headers, limits: limits)
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 §5).
    static func parseField(_ line: ArraySlice<UInt8>) -> Result<(name: String, value: String), HTTPError> {
        guard let first = line.first else { return .failure(.badRequest(.invalidFieldName)) }
        if ByteClass.isWhitespace(first) { return .failure(.badRequest(.obsoleteLineFolding)) }
        var index = line.startIndex
        while index < line.endIndex, line[index] != ByteClass.colon {
            let byte = line[index]
            if ByteClass.isWhitespace(byte) { return .failure(.badRequest(.whitespaceBeforeColon)) }
            if !ByteClass.isTokenByte(byte) { return .failure(.badRequest(.invalidFieldName)) }
            index += 1
        }
        guard index < line.endIndex, index > line.startIndex else {
            return .failure(.badRequest(.invalidFieldName))
        }
        let name = line[line.startIndex..<index]
        var valueStart = index + 1
        var valueEnd = line.endIndex
        while valueStart < valueEnd, ByteClass.isWhitespace(line[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, ByteClass.isWhitespace(line[valueEnd - 1]) { valueEnd -= 1 }
        let value = line[valueStart..<valueEnd]
        for byte in value where !ByteClass.isFieldValueByte(byte) {
            return .failure(.badRequest(.invalidFieldValue))
        }
        return .success((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
    }
}

/// Splits bytes into CRLF-terminated lines, flagging a bare CR or LF.
struct LineReader {
    enum Line {
        case line(ArraySlice<UInt8>)
        case bare
    }

    let bytes: ArraySlice<UInt8>
    var position: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    mutating func next() -> Line? {
        guard position < bytes.endIndex else { return nil }
        var index = position
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == ByteClass.lf { return .bare }
            if byte == ByteClass.cr {
                guard index + 1 < bytes.endIndex, bytes[index + 1] == ByteClass.lf else { return .bare }
                let line = bytes[position..<index]
                position = index + 2
                return .line(line)
            }
            index += 1
        }
        return .bare
    }
}
