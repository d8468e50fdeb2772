/// A QR code symbol (ISO/IEC 18004:2015) for a text: byte mode (UTF-8), error correction level M (about
/// 15% of codewords recoverable), the smallest version 1–40 that fits, and the mask with the lowest
/// penalty. Deterministic: the same text always gives the same modules.
///
/// ```swift
/// let code = try QRCode(encoding: "http://127.0.0.1:8080/w/ACD347")   // version 3, 29×29 modules
/// let svg = code.svg()                                               // see QRCode+SVG.swift
/// ```
public struct QRCode: Sendable, Hashable {
    /// 1…40.
    public let version: Int
    /// Modules per side, 21…177 (without the quiet zone).
    public let size: Int
    /// The mask pattern chosen, 0…7.
    public let mask: Int
    /// Row-major module colours, `true` for dark: `modules[y * size + x]`.
    public let modules: [Bool]

    /// Encodes the UTF-8 bytes of `text`. Text beyond ASCII is preceded by the ECI designator for UTF-8
    /// (§7.4.2, ECI 000026), because a reader otherwise assumes ISO 8859-1 for byte mode (§7.4.5) and
    /// shows "CittÃ " for "Città"; plain ASCII, such as a join URL, has no designator.
    public init(encoding text: String, minimumVersion: Int = 1, mask: Int? = nil) throws(QRCodeError) {
        let bytes = Array(text.utf8)
        try self.init(bytes: bytes, utf8Designator: !bytes.allSatisfy { $0 < 0x80 }, minimumVersion: minimumVersion, mask: mask)
    }

    /// Encodes `bytes` in byte mode. `utf8Designator` adds the ECI header that marks them as UTF-8.
    /// `minimumVersion` forces a larger symbol; `mask` forces a pattern 0…7 (both for tests and for
    /// callers that need a fixed look); by default the mask with the lowest penalty is chosen.
    public init(bytes: [UInt8], utf8Designator: Bool = false, minimumVersion: Int = 1, mask forcedMask: Int? = nil) throws(QRCodeError) {
        let largest = QRVersionLayout(version: 40)?.byteCapacity(utf8Designator: utf8Designator) ?? 0
        guard let layout = QRVersionLayout.versions.lazy
            .filter({ $0 >= minimumVersion })
            .compactMap({ QRVersionLayout(version: $0) })
            .first(where: { bytes.count <= $0.byteCapacity(utf8Designator: utf8Designator) })
        else { throw .dataTooLong(byteCount: bytes.count, capacity: largest) }

        let data = Self.dataCodewords(bytes, utf8Designator: utf8Designator, layout: layout)
        let codewords = Self.finalCodewords(data, layout: layout)
        var base = QRMatrix(size: layout.size)
        base.drawFunctionPatterns(layout)
        base.placeData(codewords)

        let candidates = forcedMask.flatMap(QRMask.init(rawValue:)).map { [$0] } ?? QRMask.allCases
        var best: (matrix: QRMatrix, mask: QRMask, penalty: Int)?
        for mask in candidates {
            var matrix = base
            matrix.apply(mask)
            matrix.drawFormat(bits: QRFormatInformation.formatBits(mask: mask))
            let penalty = matrix.penalty
            // Strictly lower only, so ties go to the lowest mask number.
            if best == nil || penalty < best?.penalty ?? .max { best = (matrix, mask, penalty) }
        }
        let chosen = best ?? (base, .m0, 0)
        version = layout.version
        size = layout.size
        mask = chosen.mask.rawValue
        modules = chosen.matrix.dark
    }

    /// Whether the module at column `x`, row `y` is dark; outside the symbol (the quiet zone) is light.
    public subscript(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// [ECI mode, designator 26 (UTF-8)], mode indicator, character count, data, terminator, bit padding
    /// and pad codewords (§7.4.2, §7.4.5, §7.4.9–7.4.10).
    static func dataCodewords(_ bytes: [UInt8], utf8Designator: Bool = false, layout: QRVersionLayout) -> [UInt8] {
        var buffer = QRBitBuffer()
        if utf8Designator {
            buffer.append(0b0111, bitCount: 4)
            buffer.append(26, bitCount: 8)
        }
        buffer.append(0b0100, bitCount: 4)
        buffer.append(bytes.count, bitCount: layout.byteCountBits)
        for byte in bytes { buffer.append(Int(byte), bitCount: 8) }
        let capacityBits = layout.dataCodewords * 8
        buffer.append(0, bitCount: min(4, capacityBits - buffer.count))
        buffer.append(0, bitCount: (8 - buffer.count % 8) % 8)
        var codewords = buffer.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < layout.dataCodewords {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits data into blocks, adds each block's Reed–Solomon codewords, and interleaves: the first
    /// data codeword of every block, then the second…, then the error correction codewords likewise (§7.6).
    static func finalCodewords(_ data: [UInt8], layout: QRVersionLayout) -> [UInt8] {
        let encoder = ReedSolomonEncoder(degree: layout.ecCodewordsPerBlock)
        var blocks = [[UInt8]]()
        var errorCorrection = [[UInt8]]()
        var offset = 0
        for length in layout.dataCodewordsPerBlock {
            let block = Array(data[offset..<offset + length])
            blocks.append(block)
            errorCorrection.append(encoder.remainder(of: block))
            offset += length
        }
        var result = [UInt8]()
        result.reserveCapacity(layout.totalCodewords)
        let longest = blocks.map(\.count).max() ?? 0
        for i in 0..<longest {
            for block in blocks where i < block.count { result.append(block[i]) }
        }
        for i in 0..<layout.ecCodewordsPerBlock {
            for block in errorCorrection { result.append(block[i]) }
        }
        return result
    }
}
