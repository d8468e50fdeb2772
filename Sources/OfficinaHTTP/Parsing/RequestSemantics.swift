/// Turns a checked request line and header list into a `RequestHead`: message framing
/// (RFC 9112 §6.3), `Host` (§3.2), persistence (§9.3), `Expect` (RFC 9110 §10.1.1) and the target.
enum RequestSemantics {
    static func interpret(_ line: RequestLine, headers: HTTPHeaders, limits: RequestLimits) -> Result<RequestHead, HTTPError> {
        var hostCount = 0
        var lengths: [String] = []
        var codings: [String] = []
        var sawTransferEncoding = false
        var connectionClose = false
        var connectionKeepAlive = false
        var expect: String?
        for (name, value) in headers.fields {
            switch name.utf8.count {
            case 4 where name.caseInsensitiveEquals("Host"):
                hostCount += 1
            case 14 where name.caseInsensitiveEquals("Content-Length"):
                lengths.append(value)
            case 17 where name.caseInsensitiveEquals("Transfer-Encoding"):
                sawTransferEncoding = true
                codings += tokens(value)
            case 10 where name.caseInsensitiveEquals("Connection"):
                for token in tokens(value) {
                    if token == "close" { connectionClose = true }
                    if token == "keep-alive" { connectionKeepAlive = true }
                }
            case 6 where name.caseInsensitiveEquals("Expect"):
                expect = value.lowercased()
            default:
                break
            }
        }
        if hostCount > 1 { return .failure(.badRequest(.duplicateHost)) }
        if hostCount == 0 && line.minorVersion == 1 { return .failure(.badRequest(.missingHost)) }

        let framing: BodyFraming
        if sawTransferEncoding {
            if !lengths.isEmpty { return .failure(.badRequest(.contentLengthWithTransferEncoding)) }
            if line.minorVersion == 0 { return .failure(.badRequest(.transferEncodingInHTTP10)) }
            guard codings.last == "chunked" else {
                return .failure(codings.contains("chunked") || codings.isEmpty
                    ? .badRequest(.chunkedNotFinal) : .unknownTransferCoding)
            }
            if codings.count > 1 {
                return .failure(codings.dropLast().contains("chunked") ? .badRequest(.chunkedNotFinal) : .unknownTransferCoding)
            }
            framing = .chunked
        } else if lengths.count > 1 {
            return .failure(.badRequest(.duplicateContentLength))
        } else if let length = lengths.first {
            switch parseLength(length, max: limits.maxBodyBytes) {
            case .success(let value): framing = value == 0 ? .none : .length(value)
            case .failure(let error): return .failure(error)
            }
        } else {
            framing = .none
        }

        // Conflicting Connection tokens mean close (STYLE.md pitfall 8).
        let keepAlive = line.minorVersion == 1 ? !connectionClose : connectionKeepAlive && !connectionClose
        var expectsContinue = false
        if let expect {
            guard expect == "100-continue" else { return .failure(.expectationFailed) }
            expectsContinue = line.minorVersion == 1 && framing != .none
        }

        let target: Target
        switch Target.parse(line.target, method: line.method) {
        case .success(let parsed): target = parsed
        case .failure(let error): return .failure(error)
        }
        return .success(RequestHead(
            method: line.method, target: String(decoding: line.target, as: UTF8.self),
            path: target.path, rawPath: target.rawPath, query: target.query,
            minorVersion: line.minorVersion, headers: headers, framing: framing,
            keepAlive: keepAlive, expectsContinue: expectsContinue))
    }

    /// `Content-Length = 1*DIGIT` (RFC 9112 §6.3): no sign, no list, no spaces. A value past the limit
    /// is refused before any allocation, and the arithmetic cannot overflow (STYLE.md pitfall 2).
    static func parseLength(_ text: String, max: Int) -> Result<Int, HTTPError> {
        guard !text.isEmpty else { return .failure(.badRequest(.invalidContentLength)) }
        var value = 0
        var tooLarge = false
        for byte in text.utf8 {
            guard ByteClass.isDigit(byte) else { return .failure(.badRequest(.invalidContentLength)) }
            if !tooLarge {
                value = value * 10 + Int(byte - 0x30)
                if value > max { tooLarge = true }
            }
        }
        return tooLarge ? .failure(.contentTooLarge) : .success(value)
    }

    /// A comma-separated list of tokens, lower-cased, empty elements dropped (RFC 9110 §5.6.1).
    static func tokens(_ value: String) -> [String] {
        value.split(separator: ",").compactMap { element in
            let trimmed = element.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed.lowercased()
        }
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
