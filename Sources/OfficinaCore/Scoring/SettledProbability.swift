/// The probability that the top k *set* of a ranking is right, estimated from draws of the posterior:
/// each proposal's overall is drawn as Normal(overall, deviation), independently, and the estimate is the
/// share of draws whose k best are exactly the current top k (in any order). Deterministic: the draws
/// come from a fixed seed, so the same ranking always reports the same probability.
///
/// Proposals that cannot matter are not drawn: an outsider whose `overall + 6·sd` is below every top-k
/// proposal's `overall − 6·sd` enters the top k with probability < 2·10⁻⁹ per draw, so it is left out;
/// the cost follows the contested region, not the workshop's size.
struct SettledProbability {
    /// Draws per estimate: the standard error is at most 0.5/√draws ≈ 0.011.
    static let defaultDraws = 2_000
    static let reach = 6.0
    /// `officina-2` calls the top k settled from this probability on.
    static let threshold = 0.9
    /// The seed of every estimate (SplitMix64 state).
    static let seed: UInt64 = 0x0FF1_C1DA_5E77_1ED0

    /// `overall` and `deviation` aligned, best first; the top k are the first k.
    static func estimate(overall: [Double], deviation: [Double], k: Int, draws: Int = defaultDraws) -> Double {
        let count = overall.count
        guard k < count else { return count > 0 ? 1 : 0 }
        guard k > 0, draws > 0 else { return 0 }
        let floor = (0..<k).map { overall[$0] - reach * deviation[$0] }.min() ?? 0
        let outsiders = (k..<count).filter { overall[$0] + reach * deviation[$0] >= floor }
        guard !outsiders.isEmpty else { return 1 }
        // The contested proposals side by side (top k first, then the outsiders), so each draw walks
        // two small contiguous buffers; the normals are consumed in the same order as ever (the top k,
        // then the outsiders, draw after draw), so the same input gives the same figure to the bit.
        let means = (0..<k).map { overall[$0] } + outsiders.map { overall[$0] }
        let spreads = (0..<k).map { deviation[$0] } + outsiders.map { deviation[$0] }
        var random = NormalDraws(state: seed)
        var right = 0
        means.withUnsafeBufferPointer { means in
            spreads.withUnsafeBufferPointer { spreads in
                let contested = means.count
                for _ in 0..<draws {
                    var lowestInside = Double.infinity
                    for i in 0..<k { lowestInside = min(lowestInside, means[i] + spreads[i] * random.next()) }
                    var highestOutside = -Double.infinity
                    var j = k
                    while j < contested, highestOutside < lowestInside {
                        highestOutside = max(highestOutside, means[j] + spreads[j] * random.next())
                        j += 1
                    }
                    // Once an outsider is above the lowest of the top k this draw is decided; the rest
                    // of its normals are skipped, not computed, so the next draw starts where it did.
                    random.skip(contested - j)
                    if lowestInside > highestOutside { right += 1 }
                }
            }
        }
        return Double(right) / Double(draws)
    }
}
