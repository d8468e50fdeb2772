import Testing
@testable import OfficinaCore

@Suite struct ScoringWilsonIntervalTests {
    @Test func theCriticalValueMatchesTheNormalTables() {
        #expect(abs(StandardNormal.criticalValue(level: 0.9) - 1.644_853_6) < 1e-6)
        #expect(abs(StandardNormal.criticalValue(level: 0.95) - 1.959_964_0) < 1e-6)
        #expect(abs(StandardNormal.criticalValue(level: 0.99) - 2.575_829_3) < 1e-6)
    }

    @Test func theWilsonBoundsMatchAHandComputation() {
        // p̂ = 0.5, n = 4, z = 1.6449: centre 0.5, half-width 0.3176 (docs/scoring.md).
        let interval = WilsonInterval(share: 0.5, trials: 4, z: 1.644_853_6)
        #expect(abs(interval.lower - 0.182_400) < 1e-6)
        #expect(abs(interval.upper - 0.817_600) < 1e-6)
    }

    @Test func noSupportHasALowerBoundOfExactlyZeroAndFullSupportAnUpperOfOne() {
        #expect(WilsonInterval(share: 0, trials: 7, z: 1.64).lower == 0)
        #expect(WilsonInterval(share: 1, trials: 7, z: 1.64).upper == 1)
        #expect(WilsonInterval(share: 0.3, trials: 0, z: 1.64) == WilsonInterval(share: 0, trials: 0, z: 1))
    }

    @Test func theLowerBoundRisesWithTheShareForAFixedNumberOfBallots() {
        let lowers = (0...20).map { WilsonInterval(share: Double($0) / 20, trials: 20, z: 1.645).lower }
        #expect(zip(lowers, lowers.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func decimalTextRoundsHalfAwayFromZeroAndUsesTheItalianComma() {
        #expect(DecimalText.format(3.25, digits: 1) == "3.3")
        #expect(DecimalText.format(3.25, digits: 1, comma: true) == "3,3")
        #expect(DecimalText.format(0.05, digits: 2) == "0.05")
        #expect(DecimalText.format(71.0, digits: 1) == "71.0")
        #expect(DecimalText.format(-0.04, digits: 1) == "0.0")
        #expect(DecimalText.format(.nan, digits: 1) == "0.0")
        #expect(DecimalText.percent(0.4) == "40%")
    }
}
