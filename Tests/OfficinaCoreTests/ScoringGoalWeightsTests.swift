import Testing
@testable import OfficinaCore

@Suite struct ScoringGoalWeightsTests {
    let goals = ScoringWorkedExample.goals

    @Test func aParsedWeightsQueryReweightsTheInputKeepingUnnamedGoals() throws {
        let weights = try GoalWeights.parse("space:2, community:0.5", goals: goals)
        let input = ScoringWorkedExample.input.reweighted(weights)
        #expect(input.goals.map(\.weight) == [2, 1, 0.5])
        #expect(Ranking.compute(input).weights == ["space": 2, "partnerships": 1, "community": 0.5])
    }

    @Test(arguments: ScoringSeeds.all.prefix(60))
    func weightingOneGoalAloneRanksByThatGoalWithoutAnyNewVote(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        var (input, configuration) = generator.workshop()
        input.settings.ratingsEnabled = true
        configuration.supportWeight = 0
        for goal in input.goals {
            let alone = Dictionary(uniqueKeysWithValues: input.goals.map { ($0.key, $0.key == goal.key ? 1.0 : 0) })
            let ranking = Ranking.compute(input.reweighted(alone), configuration: configuration)
            let scores = ranking.entries.compactMap { $0.goals[goal.key]?.score }
            #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 >= $1 }, "seed \(seed), goal \(goal.key)")
        }
    }

    @Test func raisingAGoalsWeightReordersTheSameBallots() {
        let input = ScoringInput(
            workshop: "ACD347", goals: goals,
            candidates: [RankingCandidate(id: 1, title: "Spazio"), RankingCandidate(id: 2, title: "Comunità")],
            ballots: [
                Ballot(participantID: 1, ratings: [1: ["space": 4, "community": 1], 2: ["space": 1, "community": 4]]),
                Ballot(participantID: 2, ratings: [1: ["space": 4, "community": 1], 2: ["space": 1, "community": 4]]),
            ]
        )
        #expect(Ranking.compute(input.reweighted(["space": 3, "community": 1])).entries.map(\.id) == [1, 2])
        #expect(Ranking.compute(input.reweighted(["space": 1, "community": 3])).entries.map(\.id) == [2, 1])
    }
}
