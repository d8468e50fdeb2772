import Foundation

/// A facilitator's password, stored as PBKDF2-HMAC-SHA256 (RFC 8018 §5.2) with a per-user random salt.
///
/// Stored as `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>` (RFC 4648 §4 base64 with padding),
/// so the iteration count can be raised later and old hashes still verify (see `needsRehash`).
///
/// ```swift
/// let stored = try PasswordHash.create(password: "correct horse").encoded   // ~0.3 s at 600,000 iterations
/// let ok = try PasswordHash(parsing: stored).verify("correct horse")        // true
/// ```
///
/// Passwords are normalised to Unicode NFC before hashing (as RFC 8265's OpaqueString profile does), so
/// the same password typed on two keyboards that compose accents differently verifies.
public struct PasswordHash: Sendable, Hashable, CustomStringConvertible {
    /// The algorithm name in the encoded form.
    public static let algorithm = "pbkdf2-sha256"
    /// Iterations for new hashes: OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    /// Iteration counts accepted when creating or parsing (the upper bound stops a stored value from
    /// turning a login into minutes of work).
    public static let iterationRange = 1...10_000_000
    /// Bytes of random salt for new hashes (RFC 8018 §4.1 asks for at least 8).
    public static let saltByteCount = 16
    /// Salt lengths accepted when parsing.
    public static let saltLengthRange = 8...64
    /// Derived-key lengths accepted when parsing; new hashes use 32 bytes.
    public static let hashLengthRange = 16...64

    public let iterations: Int
    public let salt: [UInt8]
    public let hash: [UInt8]

    /// Hashes `password` with `salt`.
    public init(password: String, salt: [UInt8], iterations: Int = defaultIterations) throws(PasswordHashError) {
        guard Self.iterationRange.contains(iterations) else { throw .invalidIterations(String(iterations)) }
        guard Self.saltLengthRange.contains(salt.count) else { throw .invalidSalt }
        self.iterations = iterations
        self.salt = salt
        hash = Self.derive(password, salt: salt, iterations: iterations, byteCount: SHA256.digestByteCount)
    }

    /// A hash read from storage; the fields were checked by `init(parsing:)`.
    init(iterations: Int, salt: [UInt8], hash: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.hash = hash
    }

    /// Hashes `password` with a fresh 16-byte salt from the system's secure generator.
    public static func create(password: String, iterations: Int = defaultIterations) throws(PasswordHashError) -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        return try create(password: password, iterations: iterations, using: &generator)
    }

    /// Hashes `password` with a fresh salt drawn from `generator`.
    public static func create<Generator: RandomNumberGenerator>(
        password: String, iterations: Int = defaultIterations, using generator: inout Generator
    ) throws(PasswordHashError) -> PasswordHash {
        let salt = (0..<saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return try PasswordHash(password: password, salt: salt, iterations: iterations)
    }

    /// Whether `password` is the one hashed here; the final comparison takes constant time.
    public func verify(_ password: String) -> Bool {
        let candidate = Self.derive(password, salt: salt, iterations: iterations, byteCount: hash.count)
        return ConstantTime.equals(candidate, hash)
    }

    /// Whether this hash is weaker than new ones would be, so it should be replaced after a successful login.
    public func needsRehash(iterations wanted: Int = defaultIterations) -> Bool {
        iterations < wanted || hash.count < SHA256.digestByteCount || salt.count < Self.saltByteCount
    }

    public var description: String { "PasswordHash(\(Self.algorithm), \(iterations) iterations)" }

    private static func derive(_ password: String, salt: [UInt8], iterations: Int, byteCount: Int) -> [UInt8] {
        let bytes = Array(password.precomposedStringWithCanonicalMapping.utf8)
        // Iterations and length were checked against ranges PBKDF2 accepts, so it cannot throw here;
        // an empty result would still never compare equal to a stored hash.
        return (try? PBKDF2.sha256(password: bytes, salt: salt, iterations: iterations, keyByteCount: byteCount)) ?? []
    }
}
