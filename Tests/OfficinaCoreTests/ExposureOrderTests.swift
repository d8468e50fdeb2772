import Testing
@testable import OfficinaCore

/// The server's order of proposals: uniform when shuffled, even exposure when balanced.
@Suite struct ExposureOrderTests {
    static let secret = Array("a fixed secret for reproducible orders, 32+ bytes".utf8)

    static func candidates(_ count: Int) -> [ExposureCandidate] {
        (1...count).map { ExposureCandidate(id: Int64($0), raters: 0, ratings: 0, seenByViewer: false) }
    }

    static func order(
        _ candidates: [ExposureCandidate], _ mode: ExposureMode, participant: Int, jitter: Double = ExposureOrder.defaultJitter
    ) -> ExposureOrder {
        var stream = ExposureStream(secret: secret, context: "ACD347:\(participant)")
        return ExposureOrder.compute(candidates, mode: mode, stream: &stream, jitter: jitter)
    }

    /// χ² statistic of observed counts against a uniform expectation.
    static func chiSquared(_ counts: [Int]) -> Double {
        let expected = Double(counts.reduce(0, +)) / Double(counts.count)
        return counts.reduce(0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
    }

    @Test func everyProposalIsEquallyLikelyFirstAndLastOverAThousandParticipants() {
        let proposals = Self.candidates(20)
        var first = Array(repeating: 0, count: 20), last = first
        for participant in 1...1_000 {
            let ids = Self.order(proposals, .shuffled, participant: participant).ids
            #expect(Set(ids) == Set(1...20), "a permutation of every proposal")
            first[Int(ids[0]) - 1] += 1
            last[Int(ids[19]) - 1] += 1
        }
        // 19 degrees of freedom: P(χ² > 43.82) = 0.001 under uniformity. The FNV order of the old page
        // (proposals 1–6 never first) gives a χ² in the hundreds.
        #expect(Self.chiSquared(first) < 43.82, "first positions \(first)")
        #expect(Self.chiSquared(last) < 43.82, "last positions \(last)")
        #expect(first.allSatisfy { $0 > 0 })
    }

    @Test func theSameParticipantGetsTheSameOrderAndAnotherSecretADifferentOne() {
        let proposals = Self.candidates(30)
        let once = Self.order(proposals, .shuffled, participant: 7)
        #expect(Self.order(proposals.reversed(), .shuffled, participant: 7) == once, "independent of input order")
        #expect(Self.order(proposals, .shuffled, participant: 8).ids != once.ids)
        var other = ExposureStream(secret: Array("another secret entirely, also long".utf8), context: "ACD347:7")
        #expect(ExposureOrder.compute(proposals, mode: .shuffled, stream: &other).ids != once.ids)
    }

    @Test func aKeptPermutationArrangesTheSameOrderAsDrawingAgain() {
        let proposals = (1...40).map { ExposureCandidate(id: Int64($0 * 3), raters: $0 % 5, ratings: $0 % 7, seenByViewer: $0 % 9 == 0) }
        for mode in [ExposureMode.shuffled, .balanced] {
            var stream = ExposureStream(secret: Self.secret, context: "ACD347:5")
            let permutation = stream.permutation(count: proposals.count)
            let sorted = proposals.sorted { $0.id < $1.id }
            #expect(ExposureOrder.arrange(permutation.map { sorted[Int($0)] }, mode: mode) == Self.order(proposals.reversed(), mode, participant: 5))
        }
    }

    @Test func boundedDrawsCoverTheirRangeEvenly() {
        var stream = ExposureStream(secret: Self.secret, context: "draws")
        var counts = Array(repeating: 0, count: 7)
        for _ in 0..<7_000 { counts[stream.below(7)] += 1 }
        // 6 degrees of freedom: P(χ² > 22.46) = 0.001.
        #expect(Self.chiSquared(counts) < 22.46, "\(counts)")
        #expect(stream.below(1) == 0)
    }

    /// 100 participants each rate the first 10 of 50 proposals they are shown, one after another.
    static func ratersAfterSession(_ mode: ExposureMode) -> [Int] {
        var raters = Array(repeating: 0, count: 50)
        for participant in 1...100 {
            let candidates = (1...50).map {
                ExposureCandidate(id: Int64($0), raters: raters[$0 - 1], ratings: 3 * raters[$0 - 1], seenByViewer: false)
            }
            for id in Self.order(candidates, mode, participant: participant).ids.prefix(10) { raters[Int(id) - 1] += 1 }
        }
        return raters
    }

    static func standardDeviation(_ values: [Int]) -> Double {
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        return (values.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)).squareRoot()
    }

    @Test func balancedOrderGivesEveryProposalAboutTheSameNumberOfRaters() {
        let balanced = Self.standardDeviation(Self.ratersAfterSession(.balanced))
        let shuffled = Self.standardDeviation(Self.ratersAfterSession(.shuffled))
        #expect(balanced <= 1.5, "balanced SD \(balanced)")
        // The same session shown in random order spreads raters far more (≈ 4): the test can tell.
        #expect(shuffled > 2.5, "shuffled SD \(shuffled)")
    }

    @Test func balancedPutsTheLeastKnownFirstAndMarksOnlyThoseBelowAverage() {
        let candidates = [
            ExposureCandidate(id: 1, raters: 5, ratings: 15, seenByViewer: false),
            ExposureCandidate(id: 2, raters: 0, ratings: 0, seenByViewer: false),
            ExposureCandidate(id: 3, raters: 1, ratings: 3, seenByViewer: false),
            ExposureCandidate(id: 4, raters: 1, ratings: 1, seenByViewer: false),
            ExposureCandidate(id: 5, raters: 0, ratings: 0, seenByViewer: true),
            ExposureCandidate(id: 6, raters: 9, ratings: 27, seenByViewer: false),
        ]
        let order = Self.order(candidates, .balanced, participant: 3, jitter: 0)
        // Unseen first; fewest raters; among equal raters fewest ratings (the widest interval).
        #expect(order.ids == [2, 4, 3, 1, 6, 5])
        // Average raters 16/6 ≈ 2.7: proposals 2, 4 and 3 are below it; 5 is below but already seen.
        #expect(order.needsEyes == [2, 4, 3])
        #expect(Self.order(candidates, .shuffled, participant: 3).needsEyes.isEmpty)
        #expect(Self.order([], .balanced, participant: 3) == ExposureOrder(ids: [], needsEyes: []))
        // With the default jitter, proposals within 2 raters may swap, never across a wider gap.
        for participant in 1...50 {
            let ids = Self.order(candidates, .balanced, participant: participant).ids
            #expect(Array(ids.suffix(3)) == [1, 6, 5], "5, 9 raters and the seen one stay last")
            #expect(Set(ids.prefix(3)) == [2, 3, 4])
        }
    }
}
