/// HMAC with SHA-256 (RFC 2104, https://www.rfc-editor.org/rfc/rfc2104; test cases from RFC 4231).
///
/// The key's inner and outer padded blocks are compressed once, when the value is made, so every
/// message authenticated with the same key (and every PBKDF2 iteration) starts from those two states.
///
/// ```swift
/// let mac = HMACSHA256(key: Array("key".utf8))
/// let tag = mac.authenticationCode(for: Array("message".utf8))   // 32 bytes
/// ```
public struct HMACSHA256: Sendable {
    /// Tag length in bytes.
    public static let byteCount = SHA256.digestByteCount

    /// The SHA-256 state after compressing `K ⊕ ipad` (RFC 2104 §2, step 2–3).
    let innerState: SHA256State
    /// The SHA-256 state after compressing `K ⊕ opad` (RFC 2104 §2, step 5–6).
    let outerState: SHA256State

    /// Prepares HMAC for `key`. A key longer than the 64-byte block is first hashed (RFC 2104 §2).
    public init(key: some Sequence<UInt8>) {
        var block = Array(key)
        if block.count > SHA256.blockByteCount {
            block = SHA256.hash(block)
        }
        block.append(contentsOf: repeatElement(0, count: SHA256.blockByteCount - block.count))
        var inner = SHA256State.initial
        var outer = SHA256State.initial
        let innerBlock = block.map { $0 ^ 0x36 }
        let outerBlock = block.map { $0 ^ 0x5c }
        SHA256State.withScratch { w, k in
            innerBlock.withUnsafeBytes { inner.compress(block: $0.baseAddress.unsafelyUnwrapped, schedule: w, constants: k) }
            outerBlock.withUnsafeBytes { outer.compress(block: $0.baseAddress.unsafelyUnwrapped, schedule: w, constants: k) }
        }
        innerState = inner
        outerState = outer
    }

    /// HMAC-SHA256(key, message): 32 bytes.
    public func authenticationCode(for message: some Sequence<UInt8>) -> [UInt8] {
        var inner = SHA256(resuming: innerState, byteCount: UInt64(SHA256.blockByteCount))
        inner.update(message)
        var outer = SHA256(resuming: outerState, byteCount: UInt64(SHA256.blockByteCount))
        outer.update(inner.digest())
        return outer.digest()
    }

    /// HMAC-SHA256(key, message) in one call.
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        HMACSHA256(key: key).authenticationCode(for: message)
    }
}
