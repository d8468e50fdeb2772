import Foundation
import OfficinaCore

/// Hashes and verifies facilitator passwords (PBKDF2-HMAC-SHA256, RFC 8018 §5.2) on the
/// dedicated `WorkerPool`, never on an I/O thread or Swift's cooperative pool: one hash at
/// 600,000 iterations takes a good fraction of a second of CPU.
struct PasswordHasher: Sendable {
    let pool: WorkerPool
    let iterations: Int
    /// A hash to verify against when the username does not exist, so that the answer takes
    /// as long as for a real account and does not tell which usernames exist.
    let decoy: PasswordHash?

    init(pool: WorkerPool, iterations: Int) {
        self.pool = pool
        self.iterations = iterations
        decoy = Self.decoy(iterations: iterations)
    }

    /// A stored-form hash with the configured iterations, a 16-byte salt and a 32-byte hash, as a
    /// real account's: verifying against it derives the same key length with the same work. Its
    /// hash bytes are zeros rather than derived from some password, because deriving them cost a
    /// full PBKDF2 (0.9 s of a cold start at 600,000 iterations) and the answer for an unknown
    /// username is "no" whatever the comparison says.
    static func decoy(iterations: Int) -> PasswordHash? {
        let salt = Data(repeating: 7, count: PasswordHash.saltByteCount).base64EncodedString()
        let hash = Data(repeating: 0, count: 32).base64EncodedString()
        return try? PasswordHash(parsing: "\(PasswordHash.algorithm)$\(iterations)$\(salt)$\(hash)")
    }

    /// The encoded hash of a new password.
    func hash(_ password: String) async throws -> String {
        let iterations = iterations
        let result = await pool.run { () -> String? in try? PasswordHash.create(password: password, iterations: iterations).encoded }
        guard let encoded = result ?? nil else { throw APIError.unavailable("The server is busy hashing passwords; try again.") }
        return encoded
    }

    /// Whether `password` matches `stored` (nil: no such account; a decoy is checked anyway).
    func verify(_ password: String, against stored: String?) async throws -> Bool {
        let decoy = decoy
        let result = await pool.run { () -> Bool in
            guard let stored, let hash = try? PasswordHash(parsing: stored) else {
                _ = decoy?.verify(password)
                return false
            }
            return hash.verify(password)
        }
        guard let result else { throw APIError.unavailable("The server is busy checking passwords; try again.") }
        return result
    }
}
