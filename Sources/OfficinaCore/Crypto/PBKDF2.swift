/// PBKDF2 with HMAC-SHA256 as its pseudorandom function (RFC 8018 §5.2,
/// https://www.rfc-editor.org/rfc/rfc8018#section-5.2).
///
/// Built for a password check of 600,000 iterations per login: after the first iteration of each block,
/// every `U_j = HMAC(P, U_{j-1})` is exactly two SHA-256 compressions on fixed-layout blocks, starting
/// from the key's precomputed inner and outer states, in stack memory, with no allocation in the loop.
///
/// ```swift
/// let key = try PBKDF2.sha256(password: Array("password".utf8), salt: Array("salt".utf8),
///                             iterations: 4096, keyByteCount: 32)
/// ```
public enum PBKDF2 {
    /// The longest derived key RFC 8018 §5.2 allows with a 32-byte PRF: (2^32 − 1) × 32 bytes.
    public static let maximumKeyByteCount = Int(UInt32.max) * HMACSHA256.byteCount

    /// Derives `keyByteCount` bytes from `password` and `salt` with `iterations` rounds of HMAC-SHA256.
    public static func sha256(
        password: some Sequence<UInt8>, salt: some Sequence<UInt8>, iterations: Int, keyByteCount: Int
    ) throws(PBKDF2Error) -> [UInt8] {
        guard iterations >= 1 else { throw .invalidIterations(iterations) }
        guard keyByteCount >= 1, keyByteCount <= maximumKeyByteCount else { throw .invalidKeyLength(keyByteCount) }
        let prf = HMACSHA256(key: password)
        let saltBytes = Array(salt)
        let blockCount = (keyByteCount + HMACSHA256.byteCount - 1) / HMACSHA256.byteCount
        var derived = [UInt8]()
        derived.reserveCapacity(blockCount * HMACSHA256.byteCount)
        for index in 1...blockCount {
            derived.append(contentsOf: block(prf: prf, salt: saltBytes, index: UInt32(index), iterations: iterations).bytes)
        }
        return Array(derived.prefix(keyByteCount))
    }

    /// F(P, S, c, i) = U_1 ⊕ U_2 ⊕ … ⊕ U_c (RFC 8018 §5.2, step 3).
    static func block(prf: HMACSHA256, salt: [UInt8], index: UInt32, iterations: Int) -> SHA256State {
        // U_1 = PRF(P, S || INT(i)), with INT(i) the big-endian 32-bit block index.
        var first = salt
        first.append(contentsOf: [
            UInt8(truncatingIfNeeded: index >> 24), UInt8(truncatingIfNeeded: index >> 16),
            UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index),
        ])
        var u = SHA256State(bytes: prf.authenticationCode(for: first))
        var total = u
        guard iterations > 1 else { return total }
        let innerStart = prf.innerState
        let outerStart = prf.outerState
        SHA256State.withScratch { w, k in
            // Both HMAC passes hash a 32-byte message after one 64-byte key block: 96 bytes in all, so the
            // second block is the message, a 1 bit, zeros, and the bit length 768 (FIPS 180-4 §5.1.1).
            w[8] = 0x8000_0000
            for i in 9..<15 { w[i] = 0 }
            w[15] = 768
            for _ in 1..<iterations {
                var inner = innerStart
                u.store(into: w)
                inner.compress(schedule: w, constants: k)
                var outer = outerStart
                inner.store(into: w)
                outer.compress(schedule: w, constants: k)
                u = outer
                total.formXor(u)
            }
        }
        return total
    }
}

extension SHA256State {
    /// Writes the eight words to `w[0..<8]`, the message part of a PBKDF2 inner or outer block.
    @inline(__always)
    fileprivate func store(into w: UnsafeMutablePointer<UInt32>) {
        w[0] = h0
        w[1] = h1
        w[2] = h2
        w[3] = h3
        w[4] = h4
        w[5] = h5
        w[6] = h6
        w[7] = h7
    }
}
