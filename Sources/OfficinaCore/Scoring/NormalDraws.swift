import Foundation

/// Standard normal draws from a seeded SplitMix64 (Steele, Lea & Flood 2014) by Marsaglia's polar
/// method: reproducible, so a ranking's settled probability is the same on every computation.
struct NormalDraws {
    private var bits: SplitMix64
    private var spare: Double?

    init(state: UInt64) {
        bits = SplitMix64(seed: state)
    }

    /// The stream that `state` starts, already moved past its first `skipped` `nextBits()`: SplitMix64
    /// only adds a constant per step, so jumping ahead costs one multiplication.
    init(state: UInt64, skippingBits skipped: UInt64) {
        bits = SplitMix64(seed: state &+ skipped &* SplitMix64.increment)
    }

    mutating func nextBits() -> UInt64 {
        bits.next()
    }

    /// A uniform double in (0, 1]: 53 random bits, never 0 so its logarithm is finite.
    mutating func uniform() -> Double {
        Double((nextBits() >> 11) + 1) / 9_007_199_254_740_992
    }

    /// Marsaglia's polar method: a point uniform in the unit disc gives two independent normals with
    /// one logarithm and one square root (no sine or cosine).
    mutating func next() -> Double {
        if let value = spare {
            spare = nil
            return value
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            let factor = (-2 * log(s) / s).squareRoot()
            spare = v * factor
            return u * factor
        }
    }

    /// Moves past `count` normals exactly as `count` calls of `next()` would, leaving the same state
    /// and spare, but without the logarithm and square root of the pairs wholly skipped: the polar
    /// method's acceptance depends on the uniforms alone.
    mutating func skip(_ count: Int) {
        var left = count
        if left > 0, spare != nil {
            spare = nil
            left -= 1
        }
        while left >= 2 {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0, s < 1 { left -= 2 }
        }
        if left == 1 { _ = next() }
    }
}
