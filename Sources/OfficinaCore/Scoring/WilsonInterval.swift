/// The Wilson score interval for a proportion (Wilson 1927; Agresti & Coull 1998, "Approximate is
/// better than exact").
///
/// Used for support: with `n` ballots and an observed share `p̂` in [0, 1], the bounds are
/// `(p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)`. Unlike `p̂ ± z·√(p̂(1−p̂)/n)` it stays inside
/// [0, 1] and has a width even when p̂ is 0 or 1. For a share of dots (each ballot contributing a value
/// in [0, 1]) the same formula is conservative, because p̂(1−p̂) bounds the variance of any variable
/// in [0, 1] with mean p̂.
public struct WilsonInterval: Codable, Sendable, Hashable {
    public var lower: Double
    public var upper: Double

    /// The interval for `share` observed over `trials` ballots at critical value `z`.
    /// With no ballots nothing is known: [0, 1].
    public init(share: Double, trials: Int, z: Double) {
        guard trials > 0, share.isFinite else {
            lower = 0
            upper = 1
            return
        }
        let p = min(max(share, 0), 1)
        let n = Double(trials)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        // At the edges the exact bound is the edge itself; computing it would leave rounding noise.
        lower = p <= 0 ? 0 : min(max(centre - half, 0), p)
        upper = p >= 1 ? 1 : max(min(centre + half, 1), p)
    }
}
