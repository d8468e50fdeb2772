/// The eight 32-bit chaining words of SHA-256 (FIPS 180-4 §6.2).
///
/// Kept as plain stored fields, not an array, so that hashing and the PBKDF2 loop work on values the
/// compiler can keep in registers and never allocate.
struct SHA256State: Sendable, Hashable {
    var h0: UInt32
    var h1: UInt32
    var h2: UInt32
    var h3: UInt32
    var h4: UInt32
    var h5: UInt32
    var h6: UInt32
    var h7: UInt32

    /// The initial hash value H(0) (FIPS 180-4 §5.3.3): the first 32 bits of the fractional parts of
    /// the square roots of the first eight primes.
    static let initial = SHA256State(
        h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
        h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19
    )

    /// The 32 bytes of the digest, big-endian word by word (FIPS 180-4 §6.2.2, step 4).
    var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
            out.append(UInt8(truncatingIfNeeded: word >> 24))
            out.append(UInt8(truncatingIfNeeded: word >> 16))
            out.append(UInt8(truncatingIfNeeded: word >> 8))
            out.append(UInt8(truncatingIfNeeded: word))
        }
        return out
    }

    /// Reads 32 big-endian bytes (e.g. a digest) back into words.
    init(bytes: [UInt8]) {
        func word(_ i: Int) -> UInt32 {
            UInt32(bytes[4 * i]) << 24 | UInt32(bytes[4 * i + 1]) << 16
                | UInt32(bytes[4 * i + 2]) << 8 | UInt32(bytes[4 * i + 3])
        }
        self.init(h0: word(0), h1: word(1), h2: word(2), h3: word(3), h4: word(4), h5: word(5), h6: word(6), h7: word(7))
    }

    init(h0: UInt32, h1: UInt32, h2: UInt32, h3: UInt32, h4: UInt32, h5: UInt32, h6: UInt32, h7: UInt32) {
        self.h0 = h0
        self.h1 = h1
        self.h2 = h2
        self.h3 = h3
        self.h4 = h4
        self.h5 = h5
        self.h6 = h6
        self.h7 = h7
    }

    /// XORs `other` into these words (the `T ^= U` step of PBKDF2's F function).
    mutating func formXor(_ other: SHA256State) {
        h0 ^= other.h0
        h1 ^= other.h1
        h2 ^= other.h2
        h3 ^= other.h3
        h4 ^= other.h4
        h5 ^= other.h5
        h6 ^= other.h6
        h7 ^= other.h7
    }
}
