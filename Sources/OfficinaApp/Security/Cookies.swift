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
            Self.forEachCookie(in: header) { name, value in
                let name = String(decoding: name, as: UTF8.self)
                if result[name] == nil { result[name] = String(decoding: value, as: UTF8.self) }
                return true
            }
        }
        return result
    }

    /// The first value sent for the cookie `name`, as ``cookies`` would give it, without building
    /// the whole dictionary: every participant request reads one cookie.
    public func cookie(_ name: String) -> String? {
        var wanted = name
        return wanted.withUTF8 { wanted in
            for header in headers.values("Cookie") {
                var found: String?
                Self.forEachCookie(in: header) { name, value in
                    guard name.elementsEqual(wanted) else { return true }
                    found = String(decoding: value, as: UTF8.self)
                    return false
                }
                if let found { return found }
            }
            return nil
        }
    }

    /// Calls `body` with each `name=value` pair of one `Cookie` header, blanks trimmed and one pair
    /// of quotes taken off the value, until it returns false. Pairs without `=` are skipped.
    /// Read over bytes: the separators are ASCII, and so are the names and values we set.
    static func forEachCookie(in header: String, _ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Bool) {
        let bytes = Array(header.utf8)
        func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var slice = slice
            while let first = slice.first, first == 0x20 || first == 0x09 { slice.removeFirst() }
            while let last = slice.last, last == 0x20 || last == 0x09 { slice.removeLast() }
            return slice
        }
        for pair in bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trimmed(pair[..<equals])
            var value = trimmed(pair[(equals + 1)...])
            if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                value = value.dropFirst().dropLast()
            }
            guard body(name, value) else { return }
        }
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
