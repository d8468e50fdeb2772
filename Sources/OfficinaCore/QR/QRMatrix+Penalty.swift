/// The mask evaluation score (ISO/IEC 18004:2015 §7.8.3, Table 11); lower is better.
extension QRMatrix {
    /// N1 + (run − 5) per run of five or more same-coloured modules in a row or column; N2 per 2×2
    /// same-coloured block; N3 per 1:1:3:1:1 finder-like pattern with four light modules on one side;
    /// N4 per 5% that the dark share strays from 50%.
    var penalty: Int {
        let n1 = 3, n2 = 3, n3 = 40, n4 = 10
        var score = 0
        for line in 0..<size {
            score += linePenalty(count: size, n1: n1, n3: n3) { self[$0, line] }
            score += linePenalty(count: size, n1: n1, n3: n3) { self[line, $0] }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = self[x, y]
                if colour == self[x + 1, y] && colour == self[x, y + 1] && colour == self[x + 1, y + 1] { score += n2 }
            }
        }
        let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
        let total = size * size
        score += n4 * (abs(darkCount * 20 - total * 10) / total)
        return score
    }

    /// Rules 1 and 3 along one row or column read through `module`.
    private func linePenalty(count: Int, n1: Int, n3: Int, module: (Int) -> Bool) -> Int {
        var score = 0
        var run = 1
        for i in 1...count {
            if i < count && module(i) == module(i - 1) {
                run += 1
            } else {
                if run >= 5 { score += n1 + run - 5 }
                run = 1
            }
        }
        // Dark-light-dark×3-light-dark with four light modules before or after it.
        let core: [Bool] = [true, false, true, true, true, false, true]
        let light: [Bool] = [false, false, false, false]
        let before = light + core
        let after = core + light
        if count >= before.count {
            for start in 0...(count - before.count) {
                if before.indices.allSatisfy({ module(start + $0) == before[$0] }) { score += n3 }
                if after.indices.allSatisfy({ module(start + $0) == after[$0] }) { score += n3 }
            }
        }
        return score
    }
}
