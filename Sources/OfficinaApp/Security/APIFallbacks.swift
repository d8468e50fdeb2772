import OfficinaHTTP

/// Under `/api/`, answers that the router produced itself (no route: 404; a route without this
/// method: 405 with `Allow`) are given the JSON error shape, like every other API error.
public struct APIFallbacks: HTTPMiddleware {
    public init() {}

    public func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        let response = await next.respond(to: request)
        guard request.path.hasPrefix("/api/") || request.path == "/api" else { return response }
        let isJSON = response.headers["Content-Type"]?.hasPrefix("application/json") ?? false
        switch response.status.code {
        case 405 where !isJSON:
            var json = ErrorResponse.render(APIError(.methodNotAllowed, code: "method_not_allowed",
                                                     "\(request.method.rawValue) is not allowed on \(request.path.prefix(200))."))
            json.headers["Allow"] = response.headers["Allow"]
            return json
        case 404 where !isJSON:
            return ErrorResponse.render(APIError(.notFound, code: "not_found", "No such API endpoint."))
        default:
            return response
        }
    }
}
