/// Why PBKDF2 refused its parameters.
public enum PBKDF2Error: Error, Sendable, Hashable {
    /// The iteration count is below 1.
    case invalidIterations(Int)
    /// The requested key length is below 1 or above (2^32 − 1) × 32 bytes (RFC 8018 §5.2, step 1).
    case invalidKeyLength(Int)
}
