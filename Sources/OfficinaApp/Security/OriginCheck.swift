import OfficinaHTTP

/// Refuses state-changing requests that come from another site (a CSRF defence on top of
/// `SameSite=Lax`): an unsafe method (RFC 9110 §9.2.1) must carry an `Origin` (RFC 6454 §7),
/// or failing that a `Referer`, whose host and port equal the request's `Host` or the
/// configured public URL's. Otherwise: 403 with code `origin`.
public struct OriginCheck: HTTPMiddleware {
    /// Extra authorities accepted besides `Host`, e.g. the public URL's `example.org`.
    let trusted: Set<String>

    public init(trustedAuthorities: [String]) {
        trusted = Set(trustedAuthorities.map { $0.lowercased() })
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        guard request.method.isUnsafe else { return await next.respond(to: request) }
        guard isSameOrigin(request) else { return ErrorResponse.response(for: APIError.badOrigin) }
        return await next.respond(to: request)
    }

    func isSameOrigin(_ request: HTTPRequest) -> Bool {
        guard let host = request.headers["Host"].map({ Self.withoutDefaultPort($0.lowercased()) }) else { return false }
        let source = request.headers["Origin"] ?? request.headers["Referer"]
        guard let source, let authority = Self.authority(of: source) else { return false }
        return authority == host || trusted.contains(authority)
    }

    /// `host[:port]` of an absolute http(s) URL, lower-cased; nil for `null` or anything else.
    static func authority(of url: String) -> String? {
        let lowered = url.lowercased()
        let rest: Substring
        if lowered.hasPrefix("http://") {
            rest = lowered.dropFirst(7)
        } else if lowered.hasPrefix("https://") {
            rest = lowered.dropFirst(8)
        } else {
            return nil
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        return withoutDefaultPort(String(authority))
    }

    /// Drops `:80` and `:443`, so `http://host:80` and `Host: host` compare equal (RFC 6454 §4).
    static func withoutDefaultPort(_ authority: String) -> String {
        for port in [":80", ":443"] where authority.hasSuffix(port) {
            return String(authority.dropLast(port.count))
        }
        return authority
    }
}
