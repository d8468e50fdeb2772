/// A 256-bit random secret for a session or participant cookie (or a one-time setup link).
///
/// The client holds `value` (43 characters of unpadded base64url, RFC 4648 §5); the server stores only
/// `storageDigest`, the SHA-256 of it in hex, so a copy of the database does not hand out live sessions.
/// A presented cookie is looked up by `SecureToken.storageDigest(of:)`; because the digest of a 256-bit
/// random value is itself unguessable, an indexed equality lookup on it leaks nothing useful by timing.
///
/// ```swift
/// let token = SecureToken.generate()
/// store(token.storageDigest); setCookie(token.value)
/// // later
/// guard let presented = SecureToken(cookieValue) else { unauthorised }
/// lookup(presented.storageDigest)
/// ```
public struct SecureToken: Sendable, Hashable, CustomStringConvertible {
    /// Random bytes per token.
    public static let byteCount = 32
    /// Characters in `value`.
    public static let textLength = 43

    /// The token as sent to the client.
    public let value: String

    /// A fresh token from the system's secure generator (getrandom(2) on Linux).
    public static func generate() -> SecureToken {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A fresh token from `generator`.
    public static func generate<Generator: RandomNumberGenerator>(using generator: inout Generator) -> SecureToken {
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return SecureToken(validated: Base64URL.encode(bytes))
    }

    /// Reads a token a client presented; nil unless it is exactly 43 canonical base64url characters.
    public init?(_ presented: String) {
        guard presented.utf8.count == Self.textLength, let bytes = Base64URL.decode(presented),
            bytes.count == Self.byteCount
        else { return nil }
        value = presented
    }

    private init(validated: String) {
        value = validated
    }

    /// SHA-256 of the token's text, 64 hex digits: what the database keeps.
    public var storageDigest: String { Self.storageDigest(of: value) }

    /// SHA-256 of any presented text, 64 hex digits.
    public static func storageDigest(of presented: String) -> String {
        SHA256.hexDigest(presented.utf8)
    }

    /// Never prints the secret.
    public var description: String { "SecureToken(…)" }
}
