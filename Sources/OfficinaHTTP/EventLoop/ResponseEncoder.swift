/// Writes a response head (and body) into a connection's output buffer, so each response leaves in
/// one `send` (RFC 9112 §4, §6).
enum ResponseEncoder {
    /// What the server needs to know about the request a response answers.
    struct Context {
        var isHead: Bool
        var keepAlive: Bool
        var minorVersion: Int
        var date: String
    }

    /// True if no handler-supplied header could inject a line: names are tokens and values hold
    /// no CR, LF or NUL (STYLE.md pitfall 9). A `HeaderBlock`'s fields were checked when it was built.
    static func headersAreSafe(_ headers: HTTPHeaders) -> Bool {
        headers.dynamicFields.allSatisfy { fieldIsSafe($0.name, $0.value) }
    }

    /// A name that is a token and a value without CR, LF or NUL.
    static func fieldIsSafe(_ name: String, _ value: String) -> Bool {
        var name = name
        var value = value
        let nameIsToken = name.withUTF8 { bytes in
            !bytes.isEmpty && bytes.allSatisfy(ByteClass.isTokenByte)
        }
        return nameIsToken && value.withUTF8 { $0.allSatisfy(ByteClass.isFieldValueByte) }
    }

    /// The fields the encoder writes itself (framing and `Date`), never from a `HeaderBlock`.
    static func isFramingField(_ name: String) -> Bool {
        ["Content-Length", "Transfer-Encoding", "Connection", "Date"].contains { name.caseInsensitiveEquals($0) }
    }

    /// Appends a complete response with a byte body. Returns the count of body bytes written.
    @discardableResult
    static func encode(
        status: HTTPStatus, headers: HTTPHeaders, body: [UInt8], context: Context, into output: inout [UInt8]
    ) -> Int {
        output.reserveCapacity(output.count + 160 + (headers.block?.encoded?.count ?? 0) + body.count)
        guard encodeHead(status: status, headers: headers, bodyCount: body.count, context: context, into: &output) else { return 0 }
        output.append(contentsOf: body)
        return body.count
    }

    /// Appends the head of a response whose body holds `bodyCount` bytes, and returns whether the
    /// body is to follow it (not for HEAD, nor for a status that has no body).
    static func encodeHead(status: HTTPStatus, headers: HTTPHeaders, bodyCount: Int, context: Context, into output: inout [UInt8]) -> Bool {
        let bodyless = status.code < 200 || status.code == 204 || status.code == 304
        var length: String?
        if !bodyless {
            if context.isHead, let declared = headers["Content-Length"] { length = declared } else { length = String(bodyCount) }
        }
        appendHead(status: status, headers: headers, length: length, context: context, into: &output)
        return !bodyless && !context.isHead
    }

    /// Appends the head of an event stream: no length, the body ends when the connection does.
    static func encodeStreamHead(status: HTTPStatus, headers: HTTPHeaders, context: Context, into output: inout [UInt8]) {
        var headers = headers
        if headers["Content-Type"] == nil { headers["Content-Type"] = "text/event-stream" }
        if headers["Cache-Control"] == nil { headers["Cache-Control"] = "no-cache" }
        var streamContext = context
        streamContext.keepAlive = true
        appendHead(status: status, headers: headers, length: nil, context: streamContext, into: &output, connectionHeader: false)
    }

    /// The interim `100 Continue` (RFC 9110 §15.2.1).
    static let continueResponse: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// Sent to a connection over the cap, before closing it.
    static let serviceUnavailable: [UInt8] = Array(
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\nRetry-After: 1\r\n\r\n".utf8)

    private static func appendHead(
        status: HTTPStatus, headers: HTTPHeaders, length: String?, context: Context,
        into output: inout [UInt8], connectionHeader: Bool = true
    ) {
        if let line = statusLines[status.code], status == line.status {
            output.append(contentsOf: line.bytes)
        } else {
            output.append(contentsOf: statusLine(status))
        }
        var sawDate = false
        let fields = headers.dynamicFields
        let blockBytes = headers.block?.encoded
        for index in fields.indices {
            if index == headers.blockPosition, let blockBytes { output.append(contentsOf: blockBytes) }
            let (name, value) = fields[index]
            switch name.utf8.count {
            case 14 where name.caseInsensitiveEquals("Content-Length"): continue
            case 17 where name.caseInsensitiveEquals("Transfer-Encoding"): continue
            case 10 where name.caseInsensitiveEquals("Connection"): continue
            case 4 where name.caseInsensitiveEquals("Date"): sawDate = true
            default: break
            }
            appendField(name, value, into: &output)
        }
        if headers.blockPosition == fields.count, let blockBytes { output.append(contentsOf: blockBytes) }
        if !sawDate { appendField("Date", context.date, into: &output) }
        if let length { appendField("Content-Length", length, into: &output) }
        if connectionHeader {
            if !context.keepAlive {
                appendField("Connection", "close", into: &output)
            } else if context.minorVersion == 0 {
                appendField("Connection", "keep-alive", into: &output)
            }
        }
        output.append(contentsOf: "\r\n".utf8)
    }

    /// `HTTP/1.1 <code> <reason>\r\n`, the reason stripped of control bytes.
    static func statusLine(_ status: HTTPStatus) -> [UInt8] {
        Array("HTTP/1.1 \(status.code) ".utf8) + status.reason.utf8.filter { $0 >= 0x20 && $0 != 0x7F } + Array("\r\n".utf8)
    }

    /// Status lines of the common answers, encoded once.
    private static let statusLines: [Int: (status: HTTPStatus, bytes: [UInt8])] = Dictionary(uniqueKeysWithValues:
        [HTTPStatus.ok, .created, .noContent, .notModified, .badRequest, .forbidden, .notFound, .methodNotAllowed,
         .conflict, .unprocessableContent, .tooManyRequests, .serviceUnavailable].map { ($0.code, ($0, statusLine($0))) })

    static func appendField(_ name: String, _ value: String, into output: inout [UInt8]) {
        output.append(contentsOf: name.utf8)
        output.append(0x3A)
        output.append(0x20)
        output.append(contentsOf: value.utf8)
        output.append(0x0D)
        output.append(0x0A)
    }

    /// The plain-text response for a request the decoder refused.
    static func errorResponse(_ error: HTTPError) -> HTTPResponse {
        HTTPResponse(status: error.status, contentType: "text/plain; charset=utf-8", text: error.status.reason + "\n")
    }
}
