/// Why a stored password hash could not be read, or a new one could not be made.
public enum PasswordHashError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Not four `$`-separated fields.
    case malformed
    /// The first field names an algorithm other than `pbkdf2-sha256`.
    case unsupportedAlgorithm(String)
    /// The iteration count is not a decimal number within `PasswordHash.iterationRange`.
    case invalidIterations(String)
    /// The salt is not base64, or its length is outside `PasswordHash.saltLengthRange`.
    case invalidSalt
    /// The hash is not base64, or its length is outside `PasswordHash.hashLengthRange`.
    case invalidHash

    public var description: String {
        switch self {
        case .malformed: "password hash is not algorithm$iterations$salt$hash"
        case .unsupportedAlgorithm(let name): "unsupported password hash algorithm \(name)"
        case .invalidIterations(let text): "invalid PBKDF2 iteration count \(text)"
        case .invalidSalt: "invalid password salt"
        case .invalidHash: "invalid password hash"
        }
    }
}
