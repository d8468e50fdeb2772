/// Why a request was refused before it reached a responder. Each case maps to one status; the
/// connection is closed after the error response, since the framing of what follows is unknown
/// (RFC 9112 §2.2, §6.3).
public enum HTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The request line passed `maxRequestLineBytes` (RFC 9112 §3: 414 URI Too Long).
    case uriTooLong
    /// The header block passed `maxHeaderBytes` or `maxHeaderCount` (RFC 6585 §5).
    case headerFieldsTooLarge
    /// The body, declared or decoded, passed `maxBodyBytes` (RFC 9110 §15.5.14).
    case contentTooLarge
    /// Malformed input; the reason names the rule that was broken.
    case badRequest(BadRequestReason)
    /// A transfer coding we do not implement (RFC 9112 §6.1: 501).
    case unknownTransferCoding
    /// An HTTP version other than 1.0 or 1.1 (RFC 9110 §15.6.6).
    case versionNotSupported
    /// An `Expect` value other than `100-continue` (RFC 9110 §10.1.1).
    case expectationFailed
    /// The header block did not arrive within `headerTimeout`.
    case requestTimeout

    /// The status the server answers with.
    public var status: HTTPStatus {
        switch self {
        case .uriTooLong: .uriTooLong
        case .headerFieldsTooLarge: .requestHeaderFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        case .badRequest: .badRequest
        case .unknownTransferCoding: .notImplemented
        case .versionNotSupported: .httpVersionNotSupported
        case .expectationFailed: .expectationFailed
        case .requestTimeout: .requestTimeout
        }
    }

    public var description: String {
        switch self {
        case .badRequest(let reason): "400 Bad Request (\(reason.rawValue))"
        default: status.description
        }
    }
}
