import Testing
@testable import OfficinaCore

/// The tally's id → position look-up answers exactly as the dictionary it replaces, whether the ids
/// are compact (array) or spread out (dictionary), for ids inside, around and far outside the range.
@Suite struct ScoringProposalPositionsTests {
    static func check(_ index: [Int64: Int], probes: [Int64]) {
        let positions = ProposalPositions(index)
        for id in probes + Array(index.keys) {
            #expect(positions[id] == index[id], "id \(id)")
        }
    }

    @Test func compactIdsAnswerAsTheDictionary() {
        let ids: [Int64] = [1_000, 1_001, 1_003, 1_007, 1_020, 1_021]
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        Self.check(index, probes: [0, 999, 1_002, 1_008, 1_022, 5_000, -1, .min, .max])
    }

    @Test func spreadOutIdsAnswerAsTheDictionary() {
        let ids: [Int64] = [5, 90_000, 7_000_000_000, -3]
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset) })
        Self.check(index, probes: [0, 4, 6, 89_999, .min, .max, -4])
    }

    @Test func extremeIdsDoNotOverflow() {
        Self.check([.min: 0, .max: 1], probes: [0, -1, 1, .min + 1, .max - 1])
        Self.check([:], probes: [0, 1, .max])
    }
}
