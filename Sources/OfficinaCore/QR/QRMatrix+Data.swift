/// Placing the final codeword sequence in the symbol (ISO/IEC 18004:2015 §7.7.3, Figure 21).
extension QRMatrix {
    /// Writes `codewords` most significant bit first in two-module-wide columns, zigzagging up and down
    /// from the bottom-right corner, skipping function modules and the vertical timing column. Modules
    /// left over (the remainder bits) stay light.
    mutating func placeData(_ codewords: [UInt8]) {
        let totalBits = codewords.count * 8
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for step in 0..<size {
                let y = upward ? size - 1 - step : step
                for x in [right, right - 1] where !isFunction(x: x, y: y) && index < totalBits {
                    setData(x: x, y: y, dark: (codewords[index >> 3] >> (7 - UInt8(index & 7))) & 1 == 1)
                    index += 1
                }
            }
            right -= 2
        }
    }
}
