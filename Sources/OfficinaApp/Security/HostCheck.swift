import OfficinaHTTP

/// With `--public-url`, serves only requests whose `Host` names the public URL's host or a loopback
/// name (`localhost`, 127.0.0.0/8, `[::1]`, for someone on the machine itself). A page on another
/// name that resolves to us (DNS rebinding) then gets 421 with code `host` and can neither act nor
/// read, and no link we build can carry a foreign host. `/healthz` stays open to any name, so a
/// monitor probing an internal address keeps working; it says nothing but "ok".
public struct HostCheck: HTTPMiddleware {
    /// The public URL's host, lower-cased (with brackets for IPv6).
    let publicHost: String

    public init?(publicURL: String?) {
        guard let host = publicURL.flatMap(WebOrigin.init)?.host else { return nil }
        publicHost = host
    }

    public func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
        if let refusal = refusal(request) { return refusal }
        return await next.respond(to: request)
    }

    /// The 421 for a request naming another host, or nil.
    func refusal(_ request: HTTPRequest) -> HTTPResponse? {
        guard request.path == "/healthz" || isServed(request.headers["Host"]) else {
            return ErrorResponse.response(for: APIError(
                HTTPStatus(421, "Misdirected Request"), code: "host",
                "This server answers only for its public address; open it at that address."))
        }
        return nil
    }

    func isServed(_ host: String?) -> Bool {
        guard let host, let named = WebOrigin(scheme: "http", authority: host) else { return false }
        return named.host == publicHost || named.isLoopback
    }
}

extension HostCheck: ImmediateMiddleware {
    public func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
        refusal(request) ?? next(request)
    }
}
