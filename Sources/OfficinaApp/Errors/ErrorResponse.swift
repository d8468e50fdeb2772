import Foundation
import OfficinaCore
import OfficinaHTTP

/// The one place where every error becomes an HTTP response with the JSON error shape of
/// docs/api.md. Nothing about the failure's internals (SQL, stack, file paths) is sent: an
/// unexpected error is logged on stderr and answered with a generic 500.
public enum ErrorResponse {
    /// The response for `error`.
    public static func response(for error: any Error) -> HTTPResponse {
        let api = apiError(for: error)
        var response = render(api)
        if let retryAfter = api.retryAfter { response.headers["Retry-After"] = String(retryAfter) }
        return response
    }

    /// Maps any error to an `APIError`.
    public static func apiError(for error: any Error) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as DomainError:
            return apiError(for: error)
        case is DecodingError:
            return .badJSON("The body is not valid JSON.")
        default:
            if let mapped = mapLayerError(error) { return mapped }
            logUnexpected(error)
            return APIError(.internalServerError, code: "internal", "Something went wrong on the server.")
        }
    }

    static func apiError(for error: DomainError) -> APIError {
        let status: HTTPStatus = switch error.kind {
        case .invalid: .unprocessableContent
        case .phase, .locked, .conflict: .conflict
        case .notFound: .notFound
        case .forbidden: .forbidden
        }
        return APIError(status, code: error.code, error.message, field: error.field)
    }

    /// Writes an error the client will not see to stderr, for the operator.
    static func logUnexpected(_ error: any Error) {
        FileHandle.standardError.write(Data("officina: unexpected error: \(String(reflecting: error))\n".utf8))
    }

    /// The JSON body for an error.
    public static func render(_ error: APIError) -> HTTPResponse {
        var members: [(String, JSONValue)] = [("code", .string(error.code)), ("message", .string(error.message))]
        if let field = error.field { members.append(("field", .string(field))) }
        return HTTPResponse(
            status: error.status, contentType: "application/json; charset=utf-8",
            body: JSONValue.object([("error", .object(members))]).bytes)
    }
}
