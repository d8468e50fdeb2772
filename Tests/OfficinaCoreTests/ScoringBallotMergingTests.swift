import Testing
@testable import OfficinaCore

@Suite struct ScoringBallotMergingTests {
    let goals = [Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"))]

    @Test func aParticipantWhoBackedBothTheDuplicateAndTheKeptProposalCountsOnce() {
        let input = ScoringInput(
            workshop: "ACD347", goals: goals,
            candidates: [
                RankingCandidate(id: 1, title: "Kept"),
                RankingCandidate(id: 2, title: "Duplicate", status: .merged(into: 1)),
                RankingCandidate(id: 3, title: "Other"),
            ],
            ballots: [
                Ballot(participantID: 10, support: [1: 1, 2: 1]),
                Ballot(participantID: 11, support: [2: 1]),
                Ballot(participantID: 12, support: [3: 1]),
            ],
            settings: WorkshopSettings(votingMethod: .approval, ratingsEnabled: false)
        )
        let ranking = Ranking.compute(input)
        #expect(ranking.entry(id: 1)?.support.supporters == 2)
        #expect(ranking.entry(id: 1)?.support.dots == 2)
        #expect(ranking.entry(id: 2) == nil)
        #expect(ranking.excluded.first?.mergedInto == 1)
        #expect(ranking.counts.ballots == 3)
    }

    @Test func foldedDotsAddUpButNeverExceedThePerProposalCap() {
        let folded = BallotMerging.fold(
            [Ballot(participantID: 10, support: [1: 2, 2: 2, 3: 1])], merges: [2: 1], cap: 3
        )
        #expect(folded[0].support == [1: 3, 3: 1])
    }

    @Test func chainsOfMergesEndAtTheLastProposalAndCyclesAreIgnored() {
        #expect(BallotMerging.resolve([1: 2, 2: 3]) == [1: 3, 2: 3])
        #expect(BallotMerging.resolve([1: 2, 2: 1]).isEmpty)
        #expect(BallotMerging.resolve([4: 4]).isEmpty)
    }

    @Test func aParticipantsOwnRatingOfTheKeptProposalWinsOverTheDuplicates() {
        let folded = BallotMerging.fold(
            [Ballot(participantID: 10, ratings: [1: ["space": 1], 2: ["space": 4, "community": 3], 5: ["space": 2]])],
            merges: [2: 1, 5: 1], cap: 1
        )
        #expect(folded[0].ratings == [1: ["space": 1, "community": 3]])
    }

    @Test func theHighestDuplicateRatingIsCarriedWhenTheKeptOneWasNotRated() {
        let folded = BallotMerging.fold(
            [Ballot(participantID: 10, ratings: [2: ["space": 1], 5: ["space": 3]])], merges: [2: 1, 5: 1], cap: 1
        )
        #expect(folded[0].ratings == [1: ["space": 3]])
    }

    @Test func mergingIntoAHiddenProposalDropsTheSupportFromTheRanking() {
        let input = ScoringInput(
            workshop: "ACD347", goals: goals,
            candidates: [
                RankingCandidate(id: 1, title: "Hidden", status: .hidden),
                RankingCandidate(id: 2, title: "Duplicate", status: .merged(into: 1)),
                RankingCandidate(id: 3, title: "Other"),
            ],
            ballots: [Ballot(participantID: 10, support: [2: 1, 3: 1])],
            settings: WorkshopSettings(votingMethod: .approval)
        )
        let ranking = Ranking.compute(input)
        #expect(ranking.entries.map(\.id) == [3])
        #expect(ranking.excluded.map(\.status) == ["hidden", "merged"])
    }
}
