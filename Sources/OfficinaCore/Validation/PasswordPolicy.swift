/// What a new facilitator password must be. Only the length is checked (NIST SP 800-63B §5.1.1.2:
/// at least 8 characters, no composition rules, long passphrases allowed); the text is not cleaned,
/// because a password is compared, never shown.
public enum PasswordPolicy {
    /// Allowed length in Characters. The upper bound keeps a login body small; PBKDF2 hashes a key
    /// longer than one block down to 32 bytes first, so length never multiplies the work.
    public static let lengths = 8...1_024

    /// Throws `DomainError(.invalid, code: "password_length", field: "password")` when too short or too long.
    public static func validate(_ password: String) throws(DomainError) {
        guard lengths.contains(password.count) else {
            throw DomainError(
                .invalid, code: "password_length",
                "password must be between \(lengths.lowerBound) and \(lengths.upperBound) characters", field: "password")
        }
    }
}
