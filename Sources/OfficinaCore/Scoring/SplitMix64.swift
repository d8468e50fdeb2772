/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so a random sequence (a ranking's
/// resamples, a test's workload, a benchmark's workshop) replays exactly from its seed.
package struct SplitMix64: RandomNumberGenerator {
    /// What every `next()` adds to the state (the golden-ratio increment).
    package static let increment: UInt64 = 0x9E37_79B9_7F4A_7C15

    package var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    package mutating func next() -> UInt64 {
        state &+= Self.increment
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
