import Testing
@testable import OfficinaCore

/// A pairwise choice never counts for or against the chooser's own proposal, even when a merge moves
/// an honest answer onto it (docs/scoring.md §20).
@Suite struct ScoringPairwiseOwnProposalTests {
    static func ranking(authorOf: [Int64: Int64]) -> Ranking {
        // Participant 5 wrote proposal 3; proposal 4 was merged into it.
        let candidates = [
            RankingCandidate(id: 1, title: "Uno"), RankingCandidate(id: 2, title: "Due"),
            RankingCandidate(id: 3, title: "Tre"), RankingCandidate(id: 4, title: "Quattro", status: .merged(into: 3)),
        ]
        var input = ScoringPairwiseTests.input(candidates)
        input.authorOf = authorOf
        let comparisons = [
            ScoringPairwiseTests.choice(5, 3, 1),  // their own against another (an answer from before the rule)
            ScoringPairwiseTests.choice(5, 4, 2),  // honest when made, now on their own through the merge
            ScoringPairwiseTests.choice(5, 2, 1),  // not their own: counts
            ScoringPairwiseTests.choice(6, 3, 2),  // someone else choosing 3: counts
        ]
        return PairwiseRanking.compute(input, comparisons: comparisons)
    }

    @Test func aChoiceByTheAuthorOfEitherProposalIsDroppedEvenThroughAMerge() throws {
        let ranking = Self.ranking(authorOf: [1: 7, 2: 8, 3: 5, 4: 9])
        #expect(ranking.entry(id: 3)?.support.dots == 1)
        #expect(ranking.entry(id: 3)?.support.supporters == 1)
        #expect(ranking.entry(id: 2)?.support.dots == 1)
        #expect(ranking.entry(id: 1)?.support.dots == 0)
        // Without authors known, every choice counts: the same answers give proposal 3 three wins.
        let unaware = Self.ranking(authorOf: [:])
        #expect(unaware.entry(id: 3)?.support.dots == 3)
    }
}
