/// Format and version information words with their BCH error correction (ISO/IEC 18004:2015 §7.9, §7.10,
/// Annex C and D).
enum QRFormatInformation {
    /// Error correction level M's two-bit indicator (Table 12).
    static let levelMBits = 0b00

    /// The 15-bit format word for level M and `mask`: 5 data bits, a BCH(15,5) remainder with generator
    /// x^10 + x^8 + x^5 + x^4 + x^2 + x + 1 (0x537), XORed with 101010000010010 so it is never all zero.
    static func formatBits(mask: QRMask) -> Int {
        let data = levelMBits << 3 | mask.rawValue
        var remainder = data
        for _ in 0..<10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537)
        }
        return (data << 10 | remainder) ^ 0x5412
    }

    /// The 18-bit version word: 6 bits of version and a BCH(18,6) remainder with generator
    /// x^12 + x^11 + x^10 + x^9 + x^8 + x^5 + x^2 + 1 (0x1F25).
    static func versionBits(_ version: Int) -> Int {
        var remainder = version
        for _ in 0..<12 {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25)
        }
        return version << 12 | remainder
    }
}
