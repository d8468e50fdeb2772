/// A web origin: scheme, host and port (RFC 6454 §4), compared whole. `http://host` and
/// `http://host:80` are the same origin; `https://host:80`, `http://host:8081` and `https://host`
/// are three others.
///
///     WebOrigin("https://officina.example.org/console")   // https, officina.example.org, 443
///     WebOrigin(scheme: "http", authority: "127.0.0.1:8080")
public struct WebOrigin: Sendable, Hashable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// The origin of an absolute `http(s)` URL; nil for `null`, other schemes, user info or a bad port.
    public init?(_ url: String) {
        let lowered = url.lowercased()
        let scheme: String
        let rest: Substring
        if lowered.hasPrefix("http://") {
            (scheme, rest) = ("http", lowered.dropFirst(7))
        } else if lowered.hasPrefix("https://") {
            (scheme, rest) = ("https", lowered.dropFirst(8))
        } else {
            return nil
        }
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        self.init(scheme: scheme, authority: String(authority))
    }

    /// The origin a `Host` value names under `scheme`.
    public init?(scheme: String, authority: String) {
        let authority = authority.lowercased()
        guard !authority.isEmpty, authority.count <= 300, !authority.contains("@") else { return nil }
        let host: Substring
        var port = scheme == "https" ? 443 : 80
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[...close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":"), let number = Int(after.dropFirst()), (1...65_535).contains(number) else { return nil }
                port = number
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            guard let number = Int(authority[authority.index(after: colon)...]), (1...65_535).contains(number) else { return nil }
            port = number
        } else {
            host = Substring(authority)
        }
        guard !host.isEmpty else { return nil }
        self.scheme = scheme
        self.host = String(host)
        self.port = port
    }

    /// Whether the host is a loopback name: `localhost`, 127.0.0.0/8 or `[::1]`.
    public var isLoopback: Bool {
        if host == "localhost" || host == "[::1]" { return true }
        return IPAddress(host).map { IPNetwork("127.0.0.0/8")?.contains($0) ?? false } ?? false
    }

    public var description: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return port == defaultPort ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }
}
