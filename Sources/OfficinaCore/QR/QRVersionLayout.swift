/// How a version's codewords split into data and error correction blocks at level M
/// (ISO/IEC 18004:2015 Table 9), and the sizes derived from the symbol's geometry.
struct QRVersionLayout: Sendable, Hashable {
    static let versions = 1...40

    let version: Int
    /// Error correction codewords per block.
    let ecCodewordsPerBlock: Int
    /// Blocks in all. Shorter blocks come first; the longer ones hold one more data codeword (§7.5.1).
    let blockCount: Int

    /// Error correction codewords per block at level M, versions 1–40 (Table 9).
    private static let mECCodewordsPerBlock = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    /// Error correction blocks at level M, versions 1–40 (Table 9).
    private static let mBlockCounts = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]

    /// The layout of `version` at level M, or nil outside 1…40.
    init?(version: Int) {
        guard Self.versions.contains(version) else { return nil }
        self.version = version
        ecCodewordsPerBlock = Self.mECCodewordsPerBlock[version - 1]
        blockCount = Self.mBlockCounts[version - 1]
    }

    /// Modules per side (§6.3.1).
    var size: Int { 17 + 4 * version }

    /// Modules left for data and error correction once every function pattern is placed (Table 1).
    var rawDataModules: Int {
        var modules = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { modules -= 36 }
        }
        return modules
    }

    /// All codewords (Table 1, column "number of codewords").
    var totalCodewords: Int { rawDataModules / 8 }

    /// Remainder bits after the last codeword (Table 1).
    var remainderBits: Int { rawDataModules % 8 }

    /// Data codewords at level M.
    var dataCodewords: Int { totalCodewords - ecCodewordsPerBlock * blockCount }

    /// Data codewords in each block, in order.
    var dataCodewordsPerBlock: [Int] {
        let shortLength = totalCodewords / blockCount - ecCodewordsPerBlock
        let longBlocks = totalCodewords % blockCount
        return (0..<blockCount).map { $0 < blockCount - longBlocks ? shortLength : shortLength + 1 }
    }

    /// Bits of the byte mode character count indicator (Table 3).
    var byteCountBits: Int { version <= 9 ? 8 : 16 }

    /// The most bytes byte mode can carry in this version at level M.
    var byteCapacity: Int { byteCapacity(utf8Designator: false) }

    /// The most bytes byte mode can carry, after the 12-bit UTF-8 ECI header when there is one (§7.4.2).
    func byteCapacity(utf8Designator: Bool) -> Int {
        (dataCodewords * 8 - (utf8Designator ? 12 : 0) - 4 - byteCountBits) / 8
    }

    /// Centre coordinates of the alignment patterns on each axis (Annex E).
    var alignmentCentres: [Int] {
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var centres = [6]
        for i in stride(from: count - 2, through: 0, by: -1) {
            centres.append(size - 7 - i * step)
        }
        return centres
    }
}
