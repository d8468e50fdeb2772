import OfficinaHTTP

/// Adds the headers every response carries: a strict Content Security Policy (CSP Level 3)
/// with no inline script, `nosniff` (Fetch §3.5), a same-origin Referrer-Policy, and no
/// framing. API answers are never cached.
public struct SecurityHeaders: HTTPMiddleware {
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    public init() {}

    public func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        var response = await next.respond(to: request)
        Self.apply(to: &response, path: request.path)
        return response
    }

    /// Sets the headers on `response`: each is replaced if the handler set it, except a
    /// Content-Security-Policy (a generated document, report or tickets, may bring its own,
    /// stricter-on-script policy) and an API answer's Cache-Control.
    static func apply(to response: inout HTTPResponse, path: String) {
        var hasPolicy = false
        var hasCacheControl = false
        var replaced = false
        for field in response.headers.fields {
            switch field.name.utf8.count {
            case 23 where field.name.caseInsensitiveEquals("Content-Security-Policy"): hasPolicy = true
            case 13 where field.name.caseInsensitiveEquals("Cache-Control"): hasCacheControl = true
            case 22 where field.name.caseInsensitiveEquals("X-Content-Type-Options"),
                 15 where field.name.caseInsensitiveEquals("Referrer-Policy"),
                 15 where field.name.caseInsensitiveEquals("X-Frame-Options"),
                 26 where field.name.caseInsensitiveEquals("Cross-Origin-Opener-Policy"): replaced = true
            default: break
            }
        }
        if replaced {
            for name in ["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Cross-Origin-Opener-Policy"] {
                response.headers.remove(name)
            }
        }
        if !hasPolicy { response.headers.add("Content-Security-Policy", contentSecurityPolicy) }
        response.headers.add("X-Content-Type-Options", "nosniff")
        response.headers.add("Referrer-Policy", "same-origin")
        response.headers.add("X-Frame-Options", "DENY")
        response.headers.add("Cross-Origin-Opener-Policy", "same-origin")
        if !hasCacheControl, path.hasPrefix("/api/") { response.headers.add("Cache-Control", "no-store") }
    }
}

extension SecurityHeaders: ImmediateMiddleware {
    public func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
        guard var response = next(request) else { return nil }
        Self.apply(to: &response, path: request.path)
        return response
    }
}
