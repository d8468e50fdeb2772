import OfficinaHTTP

/// Who a request really comes from, for rate limits. The peer of the TCP connection, unless that peer
/// is a proxy named with `--trusted-proxy`: then the proxy's forwarding header is read from the right
/// (the hop each trusted proxy appended) leftwards, and the first hop that is not itself a trusted
/// proxy is the client. Everything left of it was written by the client and may be forged, so it is
/// never believed. Without `--trusted-proxy` no header is read at all.
///
///     let resolver = ClientAddressResolver(trustedProxies: [IPNetwork("127.0.0.1")!], header: .xForwardedFor)
///     // peer 127.0.0.1, "X-Forwarded-For: 6.6.6.6, 203.0.113.9" → 203.0.113.9
public struct ClientAddressResolver: Sendable {
    public let trustedProxies: [IPNetwork]
    public let header: ForwardedHeader

    public init(trustedProxies: [IPNetwork], header: ForwardedHeader) {
        self.trustedProxies = trustedProxies
        self.header = header
    }

    func isTrusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }

    /// The client's address, or nil when the peer's own address does not parse (never on a socket).
    public func client(of request: HTTPRequest) -> IPAddress? {
        guard let peer = IPAddress(request.remoteAddress) else { return nil }
        guard isTrusted(peer) else { return peer }
        var nearest = peer
        for hop in header.hops(in: request.headers.values(header.rawValue)).reversed() {
            // A trusted proxy that could not name its own peer wrote `unknown`: the nearest known hop stands in.
            guard let hop else { return nearest }
            guard isTrusted(hop) else { return hop }
            nearest = hop
        }
        return nearest
    }

    /// The rate-limit key of the request's client: IPv4 as is, IPv6 by its /64.
    public func key(for request: HTTPRequest) -> String {
        client(of: request)?.rateLimitKey ?? request.remoteAddress
    }
}
