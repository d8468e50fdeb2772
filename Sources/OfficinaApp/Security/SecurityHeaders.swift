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
        // A generated document (report, tickets) may bring its own, stricter-on-script policy.
        if response.headers["Content-Security-Policy"] == nil {
            response.headers["Content-Security-Policy"] = Self.contentSecurityPolicy
        }
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        if request.path.hasPrefix("/api/"), response.headers["Cache-Control"] == nil {
            response.headers["Cache-Control"] = "no-store"
        }
        return response
    }
}
