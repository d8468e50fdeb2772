import Testing
@testable import OfficinaCore

/// Checks every number docs/scoring.md's worked example states, to the digits it states them.
@Suite struct ScoringWorkedExampleTests {
    let ranking = Ranking.compute(ScoringWorkedExample.input, configuration: ScoringWorkedExample.configuration)

    private func close(_ value: Double?, _ expected: Double, within tolerance: Double = 0.000_5) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance
    }

    @Test func workshopMeansAreThePooledMeansOfEachGoal() {
        #expect(close(ranking.goalStatistics["space"]?.mean, 3.0))
        #expect(close(ranking.goalStatistics["community"]?.mean, 2.4))
        #expect(close(ranking.goalStatistics["partnerships"]?.mean, 2.0))
        #expect(ranking.goalStatistics["partnerships"]?.ratings == 0)
        #expect(close(ranking.goalStatistics["space"]?.spread, 1.0607))
    }

    @Test func goalScoresAreShrunkTowardTheMeanWithTwoPseudoRatings() {
        #expect(close(ranking.entry(id: 1)?.goals["space"]?.score, 3.25))
        #expect(close(ranking.entry(id: 2)?.goals["space"]?.score, 3.0))
        #expect(close(ranking.entry(id: 3)?.goals["space"]?.score, 2.6667))
        #expect(close(ranking.entry(id: 4)?.goals["space"]?.score, 3.0))
        #expect(close(ranking.entry(id: 1)?.goals["community"]?.score, 2.2))
        #expect(close(ranking.entry(id: 2)?.goals["community"]?.score, 1.9333))
        #expect(close(ranking.entry(id: 3)?.goals["community"]?.score, 2.95))
        #expect(close(ranking.entry(id: 4)?.goals["partnerships"]?.score, 2.0))
    }

    @Test func theSpaceIntervalOfProposalOneIsClippedAtFour() {
        let space = ranking.entry(id: 1)?.goals["space"]
        #expect(close(space?.low, 2.3777))
        #expect(space?.high == 4)
    }

    @Test func supportEntersAsTheWilsonLowerBound() {
        #expect(close(ranking.entry(id: 1)?.support.lower, 0.3562))
        #expect(close(ranking.entry(id: 2)?.support.lower, 0.1824))
        #expect(close(ranking.entry(id: 3)?.support.lower, 0.0579))
        #expect(ranking.entry(id: 4)?.support.lower == 0)
        #expect(ranking.entry(id: 1)?.support.share == 0.75)
        #expect(ranking.entry(id: 1)?.support.supporters == 3)
        #expect(close(ranking.method.z, 1.6449))
    }

    @Test func overallIsTheSumOfItsPartsAndMatchesTheDocument() {
        let expected: [(Int64, Double, Double, Double)] = [
            (1, 40.125, 14.247, 54.372), (2, 37.25, 7.296, 44.546),
            (3, 38.563, 2.316, 40.879), (4, 39.0, 0, 39.0),
        ]
        for (id, goals, support, overall) in expected {
            let entry = ranking.entry(id: id)
            #expect(close(entry?.parts.goals, goals, within: 0.001))
            #expect(close(entry?.parts.support, support, within: 0.001))
            #expect(close(entry?.overall, overall, within: 0.001))
        }
    }

    @Test func theRankingOrderIsOneTwoThreeFour() {
        #expect(ranking.entries.map(\.id) == [1, 2, 3, 4])
        #expect(ranking.perGoal["space"] == [1, 2, 4, 3])
        #expect(ranking.perGoal["community"] == [3, 4, 1, 2])
    }

    @Test func theShortlistSwapsTheSecondForTheOnlyProposalServingPartnerships() {
        #expect(ranking.shortlist.ids == [1, 3, 4])
        #expect(ranking.shortlist.covers["space"] == [1])
        #expect(ranking.shortlist.covers["partnerships"] == [4])
        #expect(ranking.shortlist.covers["community"] == [3])
        #expect(ranking.shortlist.uncovered.isEmpty)
    }

    @Test func theTopThreeAreNotSettledWithFourBallots() {
        #expect(ranking.settled.settled == false)
        #expect(ranking.settled.contenders == 1)
    }

    @Test func theOverallIntervalCombinesThePartsInQuadrature() {
        #expect(close(ranking.goalStatistics["partnerships"]?.spread, 1.4142))
        #expect(close(ranking.goalStatistics["community"]?.spread, 0.9129))
        let first = ranking.entry(id: 1)
        #expect(close(first?.interval.low, 39.336, within: 0.001))
        #expect(close(first?.interval.high, 69.408, within: 0.001))
        #expect(close(ranking.entry(id: 4)?.interval.high, 53.305, within: 0.001))
        #expect(close(ranking.entry(id: 3)?.interval.low, 25.375, within: 0.001))
        #expect(ranking.entries.allSatisfy { $0.rankRange == RankRange(best: 1, worst: 4) })
    }

    @Test func theExplanationLineReadsAsTheDocumentShows() {
        #expect(ranking.entry(id: 1)?.explanation == "1st of 4, 54.4/100 (could be 1st–4th) = goals 40.1 + support 14.2. "
            + "Space 3.3±0.8 from 2 ratings (weight 50%), Partnerships 2.0±1.6 from 0 ratings (weight 25%), "
            + "Community 2.2±0.8 from 2 ratings (weight 25%); support 75% from 3 supporters (lower bound 36%).")
        #expect(ranking.entry(id: 1)?.explanations.it.hasPrefix("1º su 4, 54,4/100 (potrebbe essere tra 1º e 4º)") == true)
    }
}
