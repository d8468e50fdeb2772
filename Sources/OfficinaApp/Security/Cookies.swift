import OfficinaHTTP

/// Reading `Cookie` and writing `Set-Cookie` (RFC 6265 §4).
///
/// Officina's cookies are always `HttpOnly; SameSite=Lax; Path=/`. Behind TLS
/// (`--secure-cookies`) they are also `Secure` and their names carry the `__Host-` prefix,
/// which browsers only accept from a secure origin, with `Path=/` and no `Domain`
/// (draft-ietf-httpbis-rfc6265bis §4.1.3.2).
public struct CookiePolicy: Sendable {
    public var secure: Bool

    public init(secure: Bool) {
        self.secure = secure
    }

    /// The facilitator's session cookie name.
    public var sessionName: String { name("officina_session") }

    /// The cookie marking a browser a facilitator signed in from (see `LoginThrottle`).
    public var deviceName: String { name("officina_device") }

    /// The participant cookie name for a workshop code.
    public func participantName(_ code: String) -> String { name("officina_p_\(code)") }

    func name(_ base: String) -> String { secure ? "__Host-\(base)" : base }

    /// A `Set-Cookie` value; `maxAge` nil means a session cookie, 0 deletes it.
    public func setCookie(_ name: String, _ value: String, maxAge: Int?) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Lax"]
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    /// Deletes a cookie.
    public func clearCookie(_ name: String) -> String { setCookie(name, "", maxAge: 0) }
}

extension HTTPRequest {
    /// The cookies the client sent, by name; a name sent twice keeps its first value
    /// (RFC 6265 §5.4 orders longer paths first, and ours all have `Path=/`).
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for header in headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                let trimmed = pair.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                let name = String(trimmed[..<equals]).trimmingSpaces
                var value = String(trimmed[trimmed.index(after: equals)...]).trimmingSpaces
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                if result[name] == nil { result[name] = value }
            }
        }
        return result
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice = slice.dropFirst() }
        while slice.last == " " || slice.last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
