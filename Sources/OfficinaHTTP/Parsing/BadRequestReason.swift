/// The rule a malformed request broke, for logs and tests; every one answers 400.
public enum BadRequestReason: String, Sendable {
    /// Not `method SP request-target SP HTTP-version CRLF` (RFC 9112 §3).
    case malformedRequestLine
    /// The method is not a token (RFC 9110 §9.1).
    case invalidMethod
    /// The request-target is not in origin, absolute or asterisk form (RFC 9112 §3.2).
    case invalidTarget
    /// The version is not `HTTP/DIGIT.DIGIT` (RFC 9112 §2.3).
    case malformedVersion
    /// A CR not followed by LF, or a LF without CR (RFC 9112 §2.2 lets us refuse both).
    case bareLineEnding
    /// A header line starting with whitespace: obsolete line folding (RFC 9112 §5.2).
    case obsoleteLineFolding
    /// Whitespace between a field name and its colon (RFC 9112 §5.1: MUST reject with 400).
    case whitespaceBeforeColon
    /// A field name that is empty or not a token, or a line without a colon (RFC 9110 §5.1).
    case invalidFieldName
    /// NUL, CR, LF or another control byte inside a field value (RFC 9110 §5.5).
    case invalidFieldValue
    /// HTTP/1.1 without a `Host` field (RFC 9112 §3.2: MUST respond 400).
    case missingHost
    /// More than one `Host` field (RFC 9112 §3.2).
    case duplicateHost
    /// A `Content-Length` that is not one non-negative decimal number (RFC 9112 §6.3).
    case invalidContentLength
    /// More than one `Content-Length` field: a smuggling vector we never reconcile (RFC 9112 §6.3).
    case duplicateContentLength
    /// Both `Content-Length` and `Transfer-Encoding` (RFC 9112 §6.3: a smuggling attempt).
    case contentLengthWithTransferEncoding
    /// `chunked` missing from the end of `Transfer-Encoding`, or applied twice (RFC 9112 §6.3).
    case chunkedNotFinal
    /// `Transfer-Encoding` in an HTTP/1.0 request (RFC 9112 §6.1: treat the framing as faulty).
    case transferEncodingInHTTP10
    /// A chunk-size line that is not hexadecimal with optional extensions (RFC 9112 §7.1).
    case invalidChunkSize
    /// Chunk data not followed by CRLF (RFC 9112 §7.1).
    case invalidChunkTerminator
    /// A `%` not followed by two hexadecimal digits (RFC 3986 §2.1).
    case invalidPercentEncoding
    /// The decoded path is not valid UTF-8 or holds NUL.
    case invalidPath
}
