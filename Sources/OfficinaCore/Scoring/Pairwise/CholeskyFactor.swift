/// The Cholesky factor L (A = L·Lᵀ) of a symmetric positive-definite matrix, stored row-major, dense.
///
/// Used for the Bradley–Terry Newton step, whose matrix is a weighted graph Laplacian plus the prior's
/// precision on the diagonal, so it is positive definite by construction. Dense is right at workshop
/// sizes (a few hundred proposals: n³/3 ≈ 10⁷ operations).
struct CholeskyFactor {
    let size: Int
    /// Row-major lower triangle; entries above the diagonal are zero.
    private(set) var lower: [Double]

    /// Nil when `matrix` (row-major, size × size) is not numerically positive definite.
    init?(_ matrix: [Double], size: Int) {
        self.size = size
        var l = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0...i {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= l[i * size + k] * l[j * size + k] }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    l[i * size + i] = sum.squareRoot()
                } else {
                    l[i * size + j] = sum / l[j * size + j]
                }
            }
        }
        lower = l
    }

    /// x with A·x = b (forward then back substitution).
    func solve(_ b: [Double]) -> [Double] {
        var y = b
        for i in 0..<size {
            var sum = y[i]
            for k in 0..<i { sum -= lower[i * size + k] * y[k] }
            y[i] = sum / lower[i * size + i]
        }
        for i in stride(from: size - 1, through: 0, by: -1) {
            var sum = y[i]
            for k in (i + 1)..<max(size, i + 1) { sum -= lower[k * size + i] * y[k] }
            y[i] = sum / lower[i * size + i]
        }
        return y
    }

    /// The diagonal of A⁻¹: with M = L⁻¹, A⁻¹ = MᵀM, so (A⁻¹)ᵢᵢ = Σₖ Mₖᵢ², the squared length of
    /// column i of M. Each column solves L·m = eᵢ (entries above i are zero).
    func inverseDiagonal() -> [Double] {
        var diagonal = [Double](repeating: 0, count: size)
        var column = [Double](repeating: 0, count: size)
        for c in 0..<size {
            for i in 0..<size { column[i] = 0 }
            column[c] = 1 / lower[c * size + c]
            diagonal[c] += column[c] * column[c]
            for i in (c + 1)..<max(size, c + 1) {
                var sum = 0.0
                for k in c..<i { sum -= lower[i * size + k] * column[k] }
                column[i] = sum / lower[i * size + i]
            }
            for i in (c + 1)..<max(size, c + 1) { diagonal[c] += column[i] * column[i] }
        }
        return diagonal
    }
}
