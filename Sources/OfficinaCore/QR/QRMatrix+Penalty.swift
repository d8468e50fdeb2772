/// The mask evaluation score (ISO/IEC 18004:2015 §7.8.3, Table 11); lower is better.
extension QRMatrix {
    /// N1 + (run − 5) per run of five or more same-coloured modules in a row or column; N2 per 2×2
    /// same-coloured block; N3 per 1:1:3:1:1 finder-like pattern with four light modules on one side;
    /// N4 per full 5% that the dark share strays from 50%.
    var penalty: Int {
        let n2 = 3, n4 = 10
        var score = 0
        var line = [Bool](repeating: false, count: size)
        for i in 0..<size {
            for j in 0..<size { line[j] = dark[i * size + j] }
            score += Self.linePenalty(line)
            for j in 0..<size { line[j] = dark[j * size + i] }
            score += Self.linePenalty(line)
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let i = y * size + x
                let colour = dark[i]
                if colour == dark[i + 1] && colour == dark[i + size] && colour == dark[i + size + 1] { score += n2 }
            }
        }
        var darkCount = 0
        for module in dark where module { darkCount += 1 }
        let total = size * size
        score += n4 * (abs(darkCount * 20 - total * 10) / total)
        return score
    }

    /// Rules 1 and 3 along one row or column.
    private static func linePenalty(_ line: [Bool]) -> Int {
        let n1 = 3, n3 = 40
        // The last eleven modules as bits, newest lowest: dark-light-dark×3-light-dark then four light
        // (10111010000) or four light then the pattern (00001011101).
        let patternThenLight = 0b101_1101_0000
        let lightThenPattern = 0b000_0101_1101
        var score = 0
        var run = 0
        var window = 0
        for (index, module) in line.enumerated() {
            if index > 0 && module == line[index - 1] {
                run += 1
            } else {
                if run >= 5 { score += n1 + run - 5 }
                run = 1
            }
            window = ((window << 1) | (module ? 1 : 0)) & 0x7FF
            if index >= 10 && (window == patternThenLight || window == lightThenPattern) { score += n3 }
        }
        if run >= 5 { score += n1 + run - 5 }
        return score
    }
}
