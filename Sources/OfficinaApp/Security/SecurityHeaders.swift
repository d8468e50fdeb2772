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
    /// stricter-on-script policy) and an API answer's Cache-Control. The fields are constants,
    /// so they go out as one of four pre-encoded blocks (no per-answer check or encoding).
    static func apply(to response: inout HTTPResponse, path: String) {
        let hasPolicy = response.headers.contains("Content-Security-Policy")
        let hasCacheControl = response.headers.contains("Cache-Control")
        let noStore = !hasCacheControl && path.hasPrefix("/api/")
        response.headers.set(blocks[(hasPolicy ? 0 : 2) + (noStore ? 1 : 0)])
    }

    /// The fields for each case, in the order they were always sent: [own policy kept, cached],
    /// [own policy kept, no-store], [our policy, cached], [our policy, no-store].
    static let blocks: [HeaderBlock] = [false, true].flatMap { addPolicy in
        [false, true].map { noStore in
            var fields: [(name: String, value: String)] = []
            if addPolicy { fields.append(("Content-Security-Policy", contentSecurityPolicy)) }
            fields += [("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"),
                       ("X-Frame-Options", "DENY"), ("Cross-Origin-Opener-Policy", "same-origin")]
            if noStore { fields.append(("Cache-Control", "no-store")) }
            return HeaderBlock(fields)
        }
    }
}

extension SecurityHeaders: ImmediateMiddleware {
    public func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
        guard var response = next(request) else { return nil }
        Self.apply(to: &response, path: request.path)
        return response
    }
}
