/// Reed–Solomon error correction codewords for one block (ISO/IEC 18004:2015 §7.5.2): the remainder of
/// the data polynomial times x^n divided by the generator g(x) = (x − α^0)(x − α^1)…(x − α^(n−1)).
struct ReedSolomonEncoder: Sendable {
    /// g(x)'s coefficients after the leading 1, highest degree first.
    let generator: [UInt8]

    init(degree: Int) {
        // Start from g(x) = 1 and multiply by (x − α^i) for each i; in GF(2^8) subtraction is XOR.
        var coefficients: [UInt8] = [1]
        for i in 0..<degree {
            var next = [UInt8](repeating: 0, count: coefficients.count + 1)
            let root = GaloisField256.power(i)
            for (j, coefficient) in coefficients.enumerated() {
                next[j] ^= coefficient
                next[j + 1] ^= GaloisField256.multiply(coefficient, root)
            }
            coefficients = next
        }
        generator = Array(coefficients.dropFirst())
    }

    /// The error correction codewords for `data`, as many as the generator's degree.
    func remainder(of data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for i in generator.indices {
                remainder[i] ^= GaloisField256.multiply(generator[i], factor)
            }
        }
        return remainder
    }
}
