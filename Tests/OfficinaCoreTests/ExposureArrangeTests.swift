import Testing
@testable import OfficinaCore

/// `ExposureOrder.arrange` sorts packed keys instead of candidates with a comparison closure (issue 15,
/// the soak's list path). It must put every proposal where the rule of its documentation puts it: here
/// against that rule written out plainly, on random rooms with ties, seen proposals, contenders and
/// rooms past the focus floor.
@Suite struct ExposureArrangeTests {
    /// The rule as documented, one comparison closure and one filter, as it was first written.
    static func plainArrangement(_ random: [ExposureCandidate], jitter: Double) -> ExposureOrder {
        let spread = jitter.isFinite ? max(jitter, 0) : 0
        let keyed = random.enumerated().map { index, candidate in
            (candidate: candidate, key: Double(candidate.raters) + spread * Double(index) / Double(random.count), index: index)
        }
        let focusing = random.allSatisfy { $0.raters >= ExposureOrder.focusFloor } && random.contains { $0.contending }
        let ordered = keyed.sorted { a, b in
            if a.candidate.seenByViewer != b.candidate.seenByViewer { return !a.candidate.seenByViewer }
            if focusing, a.candidate.contending != b.candidate.contending { return a.candidate.contending }
            if a.key != b.key { return a.key < b.key }
            if a.candidate.ratings != b.candidate.ratings { return a.candidate.ratings < b.candidate.ratings }
            return a.index < b.index
        }.map(\.candidate)
        let total = random.reduce(0) { $0 + $1.raters }
        let needing = ordered.filter { !$0.seenByViewer && (focusing ? $0.contending : $0.raters * random.count < total) }
            .prefix(ExposureOrder.needsEyesLimit).map(\.id)
        let marked = Set(needing)
        return ExposureOrder(ids: needing + ordered.map(\.id).filter { !marked.contains($0) }, needsEyes: needing)
    }

    @Test(arguments: Array(UInt64(1)...40))
    func theArrangementIsTheDocumentedRule(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = Int.random(in: 1...120, using: &random)
        // Few distinct rater counts, so keys tie; half the rooms past the focus floor.
        let floor = seed % 2 == 0 ? ExposureOrder.focusFloor : 0
        let candidates = (0..<count).map { i in
            ExposureCandidate(
                id: Int64(1_000 + i * 7), raters: floor + Int.random(in: 0...4, using: &random),
                ratings: Int.random(in: 0...3, using: &random), seenByViewer: Int.random(in: 0..<4, using: &random) == 0,
                contending: Int.random(in: 0..<5, using: &random) == 0)
        }.shuffled(using: &random)
        for jitter in [0, ExposureOrder.defaultJitter, 7.5] {
            let arranged = ExposureOrder.arrange(candidates, mode: .balanced, jitter: jitter)
            #expect(arranged == Self.plainArrangement(candidates, jitter: jitter), "seed \(seed), jitter \(jitter)")
        }
    }
}
