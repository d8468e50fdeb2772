import Testing
@testable import OfficinaCore

@Suite struct ScoringProgrammeRollupTests {
    let goals = ScoringWorkedExample.goals

    private func workshop(_ code: String, _ input: ScoringInput, shortlistK: Int = 3) -> RollupWorkshop {
        var input = input
        input.workshop = code
        return RollupWorkshop(code: code, title: LocalizedText(it: code, en: code),
                              ranking: Ranking.compute(input, configuration: ScoringConfiguration(shortlistK: shortlistK)))
    }

    @Test func eachGoalListsTheProposalsServingItStrongestFirstAcrossWorkshops() {
        var other = ScoringWorkedExample.input
        other.ballots = [Ballot(participantID: 1, support: [2: 1], ratings: [2: ["space": 4], 1: ["space": 1]])]
        let rollup = ProgrammeRollup.compute(
            goals: goals, workshops: [workshop("ACD347", ScoringWorkedExample.input), workshop("QWERTY", other)]
        )
        let space = rollup.goals[0]
        #expect(space.key == "space")
        // QWERTY: 2 serves space (4 > mean 2.5) with (2·2.5 + 4)/3 = 3.0; ACD347: 1 serves with 3.25.
        #expect(space.strongest.map(\.workshop) == ["ACD347", "QWERTY"])
        #expect(space.strongest.map(\.id) == [1, 2])
        #expect(space.strongest.first?.score == 3.25)
        #expect(space.servedIn == ["ACD347", "QWERTY"])
        #expect(space.ratings == 6 + 2)
        #expect(rollup.workshops == ["ACD347", "QWERTY"])
    }

    @Test func coverageIsTheShareOfWorkshopsWhoseShortlistServesTheGoal() {
        var uncovered = ScoringWorkedExample.input
        uncovered.candidates = uncovered.candidates.map { candidate in
            var candidate = candidate
            candidate.goals = []
            return candidate
        }
        let rollup = ProgrammeRollup.compute(
            goals: goals, workshops: [workshop("ACD347", ScoringWorkedExample.input), workshop("QWERTY", uncovered)]
        )
        let partnerships = rollup.goals[1]
        #expect(partnerships.coveredIn == ["ACD347"])
        #expect(partnerships.coverage == 0.5)
        #expect(rollup.goals[0].coverage == 1)
    }

    @Test func theStrongestListIsCutAtTheLimitAndAnEmptyProgrammeIsFinite() {
        let rollup = ProgrammeRollup.compute(goals: goals, workshops: [workshop("ACD347", ScoringWorkedExample.input)], limit: 0)
        #expect(rollup.goals.allSatisfy { $0.strongest.isEmpty })
        let empty = ProgrammeRollup.compute(goals: goals, workshops: [])
        #expect(empty.goals.allSatisfy { $0.coverage == 0 && $0.strongest.isEmpty })
    }
}
