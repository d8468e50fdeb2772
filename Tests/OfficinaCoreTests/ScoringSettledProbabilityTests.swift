import Foundation
import Testing
@testable import OfficinaCore

/// The settled probability against its definition: P(every top-k overall > every other overall) with
/// each overall Normal(score, deviation), independent (docs/scoring.md, "Settled").
@Suite struct ScoringSettledProbabilityTests {
    static func cdf(_ x: Double, _ mean: Double, _ sd: Double) -> Double {
        sd > 0 ? 0.5 * erfc(-(x - mean) / (sd * 2.0.squareRoot())) : (x >= mean ? 1 : 0)
    }

    /// The definition, integrated numerically: Σ over a fine grid of P(max outside ∈ [x, x+dx]) ·
    /// P(min inside > x + dx/2).
    static func exact(overall: [Double], deviation: [Double], k: Int) -> Double {
        let low = zip(overall, deviation).map { $0 - 10 * $1 }.min() ?? 0
        let high = zip(overall, deviation).map { $0 + 10 * $1 }.max() ?? 0
        let steps = 40_000
        let dx = (high - low) / Double(steps)
        func maxOutsideBelow(_ x: Double) -> Double {
            (k..<overall.count).reduce(1) { $0 * cdf(x, overall[$1], deviation[$1]) }
        }
        var total = 0.0
        var previous = maxOutsideBelow(low)
        for step in 1...steps {
            let x = low + Double(step) * dx
            let current = maxOutsideBelow(x)
            let middle = x - dx / 2
            let insideAbove = (0..<k).reduce(1.0) { $0 * (1 - cdf(middle, overall[$1], deviation[$1])) }
            total += (current - previous) * insideAbove
            previous = current
        }
        return total
    }

    @Test(arguments: Array(UInt64(1)...40))
    func theEstimateMatchesTheDefinition(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 3...7, using: &random)
        let k = Int.random(in: 1...min(3, count - 1), using: &random)
        let overall = (0..<count).map { _ in Double.random(in: 30...60, using: &random) }.sorted(by: >)
        let deviation = (0..<count).map { _ in Double.random(in: 0.5...8, using: &random) }
        let estimate = SettledProbability.estimate(overall: overall, deviation: deviation, k: k)
        let truth = Self.exact(overall: overall, deviation: deviation, k: k)
        // Four standard errors of a 2,000-draw proportion, plus the grid's error.
        let tolerance = 4 * (truth * (1 - truth) / Double(SettledProbability.defaultDraws)).squareRoot() + 0.002
        #expect(abs(estimate - truth) <= tolerance, "k \(k), estimate \(estimate), definition \(truth)")
    }

    @Test func twoProposalsGiveTheClosedForm() {
        // k = 1 of 2: P(X₁ > X₂) = Φ((μ₁ − μ₂) / √(σ₁² + σ₂²)) = Φ(1) ≈ 0.8413.
        let estimate = SettledProbability.estimate(overall: [53, 50], deviation: [1.8, 2.4], k: 1)
        #expect(abs(estimate - 0.8413) < 4 * (0.8413 * 0.1587 / 2_000).squareRoot())
        #expect(SettledProbability.estimate(overall: [90, 10], deviation: [1, 1], k: 1) == 1, "no contender drawn")
        #expect(SettledProbability.estimate(overall: [50, 40], deviation: [0, 0], k: 2) == 1, "k covers everyone")
        #expect(SettledProbability.estimate(overall: [], deviation: [], k: 3) == 0)
    }

    @Test(arguments: Array(UInt64(1)...40))
    func officinaTwoCallsTheTopSettledExactlyFromNinetyPercent(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        var (input, configuration) = generator.workshop()
        configuration.method = .officina2
        let ranking = Ranking.compute(input, configuration: configuration)
        let settled = ranking.settled
        let probability = settled.probability ?? -1
        #expect((0...1).contains(probability))
        #expect(settled.threshold == 0.9)
        if ranking.entries.count > settled.k {
            #expect(settled.settled == (probability >= 0.9))
        }
        #expect(Ranking.compute(input, configuration: configuration).settled == settled, "deterministic")
        configuration.method = .officina1
        #expect(Ranking.compute(input, configuration: configuration).settled.threshold == nil)
    }
}
