import Testing
@testable import OfficinaCore

@Suite struct ScoringStabilityTests {
    private func workshop(ballots: Int, split: [Int64: Int]) -> ScoringInput {
        let candidates = (1...5).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        var all: [Ballot] = []
        var participant: Int64 = 0
        for (id, count) in split.sorted(by: { $0.key < $1.key }) {
            for _ in 0..<count {
                participant += 1
                all.append(Ballot(participantID: participant, support: [id: 1]))
            }
        }
        while all.count < ballots {
            participant += 1
            all.append(Ballot(participantID: participant))
        }
        return ScoringInput(
            workshop: "ACD347", goals: ScoringWorkedExample.goals, candidates: candidates, ballots: all,
            settings: WorkshopSettings(votingMethod: .approval, ratingsEnabled: false)
        )
    }

    @Test func aClearLeaderWithManyBallotsIsSettledAndItsRankCertain() {
        let input = workshop(ballots: 400, split: [1: 300, 2: 60, 3: 20, 4: 10, 5: 10])
        let ranking = Ranking.compute(input, configuration: ScoringConfiguration(settledK: 1))
        #expect(ranking.settled.settled)
        #expect(ranking.settled.contenders == 0)
        #expect(ranking.entries[0].rankRange == RankRange(best: 1, worst: 1))
        #expect(ranking.settled.messages.en.contains("settled"))
    }

    @Test func aCloseRaceIsNotSettledAndNamesItsContenders() {
        let input = workshop(ballots: 10, split: [1: 3, 2: 3, 3: 2, 4: 1, 5: 1])
        let ranking = Ranking.compute(input, configuration: ScoringConfiguration(settledK: 1))
        #expect(ranking.settled.settled == false)
        #expect(ranking.settled.contenders >= 1)
        #expect(ranking.entries[0].rankRange.worst > 1)
        #expect(ranking.settled.message.contains("\(ranking.settled.contenders)"))
    }

    @Test func moreBallotsWithTheSameSharesNarrowTheRankRanges() {
        let few = Ranking.compute(workshop(ballots: 20, split: [1: 10, 2: 6, 3: 4, 4: 2, 5: 1]))
        let many = Ranking.compute(workshop(ballots: 2_000, split: [1: 1_000, 2: 600, 3: 400, 4: 200, 5: 100]))
        let spread = { (ranking: Ranking) in ranking.entries.reduce(0) { $0 + $1.rankRange.spread } }
        #expect(spread(many) < spread(few))
        #expect(spread(many) == 0)
    }
}
