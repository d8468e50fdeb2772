import OfficinaHTTP

/// An error the application layer answers with directly: authentication, authorization,
/// request shape, rate limits. Rendered as `{"error":{"code","message","field"}}` by
/// `ErrorResponse`, the one place every error becomes a response.
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    public var status: HTTPStatus
    public var code: String
    public var message: String
    public var field: String?
    /// Seconds the client should wait (RFC 9110 §10.2.3 `Retry-After`), for 429 and 503.
    public var retryAfter: Int?

    public init(_ status: HTTPStatus, code: String, _ message: String, field: String? = nil, retryAfter: Int? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.retryAfter = retryAfter
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    public static func badJSON(_ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, code: "bad_json", message, field: field)
    }

    public static func invalid(_ field: String, _ message: String, code: String = "invalid") -> APIError {
        APIError(.unprocessableContent, code: code, message, field: field)
    }

    public static let unauthenticated = APIError(.unauthorized, code: "unauthenticated", "Sign in as a facilitator first.")
    public static let notParticipant = APIError(.forbidden, code: "not_participant", "Join this workshop first.")
    public static let facilitatorOnly = APIError(.forbidden, code: "forbidden", "Only a facilitator may do this.")
    public static let badOrigin = APIError(.forbidden, code: "origin", "Cross-origin request refused: Origin or Referer must match Host.")

    public static func notFound(_ what: String) -> APIError {
        APIError(.notFound, code: "not_found", "\(what) not found.")
    }

    public static func tooMany(_ message: String, retryAfter: Int) -> APIError {
        APIError(.tooManyRequests, code: "rate_limited", message, retryAfter: max(1, retryAfter))
    }

    public static func unavailable(_ message: String, retryAfter: Int = 1) -> APIError {
        APIError(.serviceUnavailable, code: "unavailable", message, retryAfter: retryAfter)
    }
}
