/// Finder, separator, timing and alignment patterns, the dark module, and the reserved format and
/// version areas (ISO/IEC 18004:2015 §6.3.2–6.3.6, §7.9, §7.10).
extension QRMatrix {
    mutating func drawFunctionPatterns(_ layout: QRVersionLayout) {
        // Timing patterns along row 6 and column 6 (§6.3.5); finders drawn next overwrite their ends.
        for i in 0..<size {
            setFunction(x: 6, y: i, dark: i % 2 == 0)
            setFunction(x: i, y: 6, dark: i % 2 == 0)
        }
        drawFinder(centreX: 3, centreY: 3)
        drawFinder(centreX: size - 4, centreY: 3)
        drawFinder(centreX: 3, centreY: size - 4)
        let centres = layout.alignmentCentres
        for (i, cx) in centres.enumerated() {
            for (j, cy) in centres.enumerated() {
                let overlapsFinder = (i == 0 && j == 0) || (i == 0 && j == centres.count - 1) || (i == centres.count - 1 && j == 0)
                if !overlapsFinder { drawAlignment(centreX: cx, centreY: cy) }
            }
        }
        // Reserve the format areas with a placeholder; `drawFormat` writes the real bits after masking.
        drawFormat(bits: 0)
        drawVersion(layout.version)
    }

    /// A 7×7 finder with its one-module light separator, clipped at the symbol's edge (§6.3.3–6.3.4).
    private mutating func drawFinder(centreX: Int, centreY: Int) {
        for dy in -4...4 {
            for dx in -4...4 {
                let x = centreX + dx
                let y = centreY + dy
                guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                let ring = max(abs(dx), abs(dy))
                setFunction(x: x, y: y, dark: ring != 2 && ring != 4)
            }
        }
    }

    /// A 5×5 alignment pattern: dark ring, light ring, dark centre (§6.3.6).
    private mutating func drawAlignment(centreX: Int, centreY: Int) {
        for dy in -2...2 {
            for dx in -2...2 {
                setFunction(x: centreX + dx, y: centreY + dy, dark: max(abs(dx), abs(dy)) != 1)
            }
        }
    }

    /// The 15 format bits (bit 14 first in reading order), twice, plus the dark module (§7.9.1, Figure 25).
    mutating func drawFormat(bits: Int) {
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        // Around the top-left finder: bits 0–5 down column 8, then 6–8 around the corner, 9–14 along row 8.
        for i in 0...5 { setFunction(x: 8, y: i, dark: bit(i)) }
        setFunction(x: 8, y: 7, dark: bit(6))
        setFunction(x: 8, y: 8, dark: bit(7))
        setFunction(x: 7, y: 8, dark: bit(8))
        for i in 9..<15 { setFunction(x: 14 - i, y: 8, dark: bit(i)) }
        // The copy: bits 0–7 along row 8 under the top-right finder, 8–14 up column 8 beside the bottom-left one.
        for i in 0..<8 { setFunction(x: size - 1 - i, y: 8, dark: bit(i)) }
        for i in 8..<15 { setFunction(x: 8, y: size - 15 + i, dark: bit(i)) }
        setFunction(x: 8, y: size - 8, dark: true)
    }

    /// The 18-bit version information, in two 6×3 blocks, for versions 7 and up (§7.10, Figure 27).
    private mutating func drawVersion(_ version: Int) {
        guard version >= 7 else { return }
        let bits = QRFormatInformation.versionBits(version)
        for i in 0..<18 {
            let value = (bits >> i) & 1 == 1
            let along = size - 11 + i % 3
            let across = i / 3
            setFunction(x: along, y: across, dark: value)
            setFunction(x: across, y: along, dark: value)
        }
    }
}
