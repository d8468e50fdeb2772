import Foundation

/// The standard normal distribution: enough of it to turn an interval level into a critical value.
enum StandardNormal {
    /// Φ(x), through the complementary error function (C99 `erfc`).
    static func cumulative(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// φ(x), the density.
    static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// The z with P(−z ≤ Z ≤ z) = `level`, e.g. 1.6449 for 0.9.
    ///
    /// Newton's method on Φ from 0: Φ is concave on x > 0, so every step lands below the root and the
    /// iteration rises to it monotonically without overshooting.
    static func criticalValue(level: Double) -> Double {
        let target = 0.5 + min(max(level, 0), 0.999_999) / 2
        var x = 0.0
        for _ in 0..<200 {
            let step = (cumulative(x) - target) / density(x)
            x -= step
            if abs(step) < 1e-13 { break }
        }
        return x
    }
}
