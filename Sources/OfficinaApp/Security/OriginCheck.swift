import OfficinaHTTP

/// Refuses state-changing requests that come from another site (a CSRF defence on top of
/// `SameSite=Lax`): an unsafe method (RFC 9110 §9.2.1) must carry an `Origin` (RFC 6454 §7), or
/// failing that a `Referer`, whose origin — scheme, host *and* port — equals the server's own: the
/// `--public-url`'s, or the request's `Host` under the scheme it was served with (`https` with
/// `--secure-cookies` or when a trusted proxy says `X-Forwarded-Proto: https`, else `http`).
/// Otherwise: 403 with code `origin`.
public struct OriginCheck: HTTPMiddleware {
    /// The `--public-url`'s origin, always accepted.
    let publicOrigin: WebOrigin?
    /// Whether the server is reached over TLS (`--secure-cookies`).
    let secure: Bool
    /// Tells whether a request came through a trusted proxy, whose `X-Forwarded-Proto` is then believed.
    let addresses: ClientAddressResolver

    public init(publicURL: String?, secure: Bool, addresses: ClientAddressResolver) {
        publicOrigin = publicURL.flatMap(WebOrigin.init)
        self.secure = secure
        self.addresses = addresses
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        guard request.method.isUnsafe else { return await next.respond(to: request) }
        guard isSameOrigin(request) else { return ErrorResponse.response(for: APIError.badOrigin) }
        return await next.respond(to: request)
    }

    func isSameOrigin(_ request: HTTPRequest) -> Bool {
        guard let source = request.headers["Origin"] ?? request.headers["Referer"], let origin = WebOrigin(source) else { return false }
        if origin == publicOrigin { return true }
        guard let host = request.headers["Host"], let own = WebOrigin(scheme: scheme(of: request), authority: host) else { return false }
        return origin == own
    }

    /// The scheme the browser used to reach us.
    func scheme(of request: HTTPRequest) -> String {
        if secure { return "https" }
        if let proto = request.headers["X-Forwarded-Proto"], proto.lowercased() == "https",
           let peer = IPAddress(request.remoteAddress), addresses.isTrusted(peer) {
            return "https"
        }
        return "http"
    }
}

extension OriginCheck: ImmediateMiddleware {
    public func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
        guard !request.method.isUnsafe || isSameOrigin(request) else { return ErrorResponse.response(for: APIError.badOrigin) }
        return next(request)
    }
}
