/// The SHA-256 compression function (FIPS 180-4 §6.2.2) on a caller-owned message schedule.
extension SHA256State {
    /// The 64 round constants K (FIPS 180-4 §4.2.2): the first 32 bits of the fractional parts of the
    /// cube roots of the first 64 primes.
    static let roundConstants: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Runs `body` with a 64-word scratch schedule on the stack and a pointer to the round constants,
    /// so a caller hashing many blocks sets both up once.
    static func withScratch<Result>(
        _ body: (UnsafeMutablePointer<UInt32>, UnsafePointer<UInt32>) throws -> Result
    ) rethrows -> Result {
        try roundConstants.withUnsafeBufferPointer { constants in
            try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                // The buffer's base address is never nil for a non-zero capacity, and the constants array is never empty.
                try body(schedule.baseAddress.unsafelyUnwrapped, constants.baseAddress.unsafelyUnwrapped)
            }
        }
    }

    /// Compresses one block into these words.
    ///
    /// On entry `w[0..<16]` holds the block's sixteen big-endian words; `w[16..<64]` is overwritten with the
    /// rest of the message schedule (§6.2.2 step 1) and `w[0..<16]` is left untouched, so a caller hashing
    /// fixed-layout blocks only rewrites the words that change.
    @inline(__always)
    mutating func compress(schedule w: UnsafeMutablePointer<UInt32>, constants k: UnsafePointer<UInt32>) {
        var t = 16
        while t < 64 {
            let x = w[t &- 15]
            let y = w[t &- 2]
            let sigma0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)
            let sigma1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)
            w[t] = w[t &- 16] &+ sigma0 &+ w[t &- 7] &+ sigma1
            t &+= 1
        }
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        // Eight rounds per pass with the variables renamed instead of shifted (§6.2.2 step 3), so the
        // eight assignments per round become none.
        var i = 0
        while i < 64 {
            Self.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
            Self.round(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
            Self.round(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
            Self.round(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
            Self.round(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
            Self.round(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
            Self.round(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
            Self.round(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
            i &+= 8
        }
        h0 &+= a
        h1 &+= b
        h2 &+= c
        h3 &+= d
        h4 &+= e
        h5 &+= f
        h6 &+= g
        h7 &+= h
    }

    /// One round: T1 = h + Σ1(e) + Ch(e,f,g) + K_t + W_t; T2 = Σ0(a) + Maj(a,b,c); then the new `e` is
    /// `d + T1` and the new `a` is `T1 + T2`, written into the slots of `d` and `h` that the caller
    /// renames for the next round.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
    ) {
        let bigSigma1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let choose = g ^ (e & (f ^ g))
        let t1 = h &+ bigSigma1 &+ choose &+ constantPlusWord
        let bigSigma0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let majority = (a & b) | (c & (a | b))
        d &+= t1
        h = t1 &+ bigSigma0 &+ majority
    }

    /// Loads a 64-byte block's big-endian words into `w[0..<16]` and compresses it.
    @inline(__always)
    mutating func compress(
        block: UnsafeRawPointer, schedule w: UnsafeMutablePointer<UInt32>, constants k: UnsafePointer<UInt32>
    ) {
        for i in 0..<16 {
            w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))
        }
        compress(schedule: w, constants: k)
    }
}
