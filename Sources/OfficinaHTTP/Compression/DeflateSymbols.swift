/// The alphabets of DEFLATE (RFC 1951 §3.2.5): match lengths 3…258 as codes 257…285 and distances
/// 1…32768 as codes 0…29, each with extra bits.
enum DeflateSymbols {
    static let lengthBase: [UInt16] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                       131, 163, 195, 227, 258]
    static let lengthExtra: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase: [UInt16] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                                         2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra: [UInt8] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
    /// The order the code-length code's lengths are sent in (§3.2.7).
    static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Index into `lengthBase` of every length 0…258 (0…2 unused). 258 has a code of its own (285),
    /// although 284's range would reach it.
    static let lengthIndex: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for index in 0..<28 {
            let base = Int(lengthBase[index])
            for length in base..<min(258, base + (1 << Int(lengthExtra[index]))) { table[length] = UInt8(index) }
        }
        table[258] = 28
        return table
    }()

    /// The distance code of `distance` (1…32768).
    static func distanceCode(_ distance: Int) -> Int {
        // Codes come in pairs per extra bit, so the highest set bit of distance − 1 decides.
        let d = distance - 1
        if d < 4 { return d }
        let bits = Int.bitWidth - 1 - d.leadingZeroBitCount
        return 2 * bits + ((d >> (bits - 1)) & 1)
    }
}
