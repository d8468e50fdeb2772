import Foundation
import Testing
@testable import OfficinaCore

/// Properties every ranking must have, checked on generated workshops (DESIGN.md §3, "Sound").
@Suite struct ScoringPropertyTests {
    @Test(arguments: ScoringSeeds.all)
    func theSameWorkshopInAnyOrderGivesTheSameRanking(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let first = Ranking.compute(input, configuration: configuration)
        var shuffled = input
        var random = SplitMix64(seed: seed &+ 99)
        shuffled.ballots.shuffle(using: &random)
        shuffled.candidates.shuffle(using: &random)
        #expect(Ranking.compute(input, configuration: configuration) == first)
        #expect(Ranking.compute(shuffled, configuration: configuration) == first)
    }

    @Test(arguments: ScoringSeeds.all)
    func everyNumberIsFiniteAndInRangeAndThePartsSumToTheOverall(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let ranking = Ranking.compute(input, configuration: configuration)
        for (position, entry) in ranking.entries.enumerated() {
            #expect(entry.rank == position + 1)
            #expect(entry.overall.isFinite && entry.overall >= 0 && entry.overall <= 100 + 1e-9)
            #expect(abs(entry.parts.goals + entry.parts.support - entry.overall) < 1e-9)
            #expect(entry.interval.low <= entry.overall && entry.overall <= entry.interval.high)
            #expect(entry.rankRange.best <= entry.rank && entry.rank <= entry.rankRange.worst)
            #expect(entry.support.lower <= entry.support.share && entry.support.share <= entry.support.upper)
            for score in entry.goals.values {
                #expect(score.score.isFinite && score.score >= 0 && score.score <= 4)
                #expect(score.low <= score.score && score.score <= score.high)
            }
            #expect(!entry.explanation.contains("nan") && !entry.explanation.isEmpty)
        }
        let encoded = (try? JSONEncoder().encode(ranking)) ?? Data()
        #expect(!encoded.isEmpty)
    }

    @Test(arguments: ScoringSeeds.all)
    func aProposalBetterOnEveryCountedPartNeverRanksBelow(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let ranking = Ranking.compute(input, configuration: configuration)
        for a in ranking.entries {
            for b in ranking.entries where ranking.dominates(a, b) {
                #expect(a.rank < b.rank, "seed \(seed): \(a.id) dominates \(b.id)")
            }
        }
    }

    @Test(arguments: ScoringSeeds.all)
    func hiddenAndMergedProposalsAreLeftOutAndListedAsExcluded(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let ranking = Ranking.compute(input, configuration: configuration)
        let visible = Set(input.candidates.filter { $0.status == .visible }.map(\.id))
        #expect(Set(ranking.entries.map(\.id)) == visible)
        #expect(Set(ranking.excluded.map(\.id)) == Set(input.candidates.map(\.id)).subtracting(visible))
        for ids in ranking.perGoal.values { #expect(Set(ids) == visible) }
        #expect(Set(ranking.shortlist.ids).isSubset(of: visible))
    }

    @Test(arguments: ScoringSeeds.all)
    func theRankRangeContainsEveryRankAnOverlappingIntervalAllows(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let ranking = Ranking.compute(input, configuration: configuration)
        for entry in ranking.entries {
            let surelyAbove = ranking.entries.filter { $0.interval.low > entry.interval.high }.count
            let couldBeAbove = ranking.entries.filter { $0.id != entry.id && $0.interval.high >= entry.interval.low }.count
            #expect(entry.rankRange == RankRange(best: surelyAbove + 1, worst: couldBeAbove + 1))
        }
    }
}
