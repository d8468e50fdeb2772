import Foundation

/// The stored text form `pbkdf2-sha256$<iterations>$<salt>$<hash>`.
extension PasswordHash {
    /// The text to store.
    public var encoded: String {
        "\(Self.algorithm)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// Reads a stored hash, checking every field; never derives anything.
    public init(parsing encoded: String) throws(PasswordHashError) {
        let fields = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 4 else { throw .malformed }
        guard fields[0] == Self.algorithm else { throw .unsupportedAlgorithm(String(fields[0].prefix(40))) }
        let iterationText = fields[1]
        guard !iterationText.isEmpty, iterationText.count <= 9,
            iterationText.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let iterations = Int(iterationText), Self.iterationRange.contains(iterations)
        else { throw .invalidIterations(String(iterationText.prefix(20))) }
        guard let salt = Data(base64Encoded: String(fields[2])), Self.saltLengthRange.contains(salt.count) else {
            throw .invalidSalt
        }
        guard let hash = Data(base64Encoded: String(fields[3])), Self.hashLengthRange.contains(hash.count) else {
            throw .invalidHash
        }
        self.init(iterations: iterations, salt: Array(salt), hash: Array(hash))
    }
}
