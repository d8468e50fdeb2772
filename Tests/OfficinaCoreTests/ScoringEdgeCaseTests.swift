import Foundation
import Testing
@testable import OfficinaCore

/// Workshops at the edges: nothing voted, ratings off, weights of zero, one goal, odd settings.
@Suite struct ScoringEdgeCaseTests {
    let goals = [
        Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space")),
        Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community")),
    ]
    let candidates = [
        RankingCandidate(id: 5, title: "B"), RankingCandidate(id: 2, title: "A"), RankingCandidate(id: 9, title: "C"),
    ]

    private func allFinite(_ ranking: Ranking) -> Bool {
        ranking.entries.allSatisfy { entry in
            entry.overall.isFinite && entry.interval.low.isFinite && entry.interval.high.isFinite
                && entry.support.lower.isFinite && entry.goals.values.allSatisfy { $0.score.isFinite && $0.low.isFinite }
        }
    }

    @Test func aWorkshopWithoutBallotsRanksEveryoneEquallyByIdWithFiniteScores() {
        let ranking = Ranking.compute(ScoringInput(workshop: "ACD347", goals: goals, candidates: candidates, ballots: []))
        #expect(ranking.entries.map(\.id) == [2, 5, 9])
        #expect(allFinite(ranking))
        #expect(ranking.entries.allSatisfy { $0.overall == ranking.entries[0].overall })
        #expect(ranking.settled.settled == true)
        #expect(ranking.counts == RankingCounts(participants: 0, ballots: 0, proposals: 3, ratings: 0))
    }

    @Test func aWorkshopWithoutProposalsGivesAnEmptyRankingThatEncodes() throws {
        let ranking = Ranking.compute(ScoringInput(workshop: "ACD347", goals: goals, candidates: [], ballots: []))
        #expect(ranking.entries.isEmpty && ranking.shortlist.ids.isEmpty && ranking.settled.settled == false)
        let decoded = try JSONDecoder().decode(Ranking.self, from: JSONEncoder().encode(ranking))
        #expect(decoded == ranking)
    }

    @Test func withRatingsOffSupportIsTheWholeOverall() {
        let input = ScoringInput(
            workshop: "ACD347", goals: goals, candidates: candidates,
            ballots: [Ballot(participantID: 1, support: [9: 3], ratings: [2: ["space": 4]])],
            settings: WorkshopSettings(votingMethod: .dots, ratingsEnabled: false)
        )
        let ranking = Ranking.compute(input)
        #expect(ranking.method.supportWeight == 1)
        #expect(ranking.entries.first?.id == 9)
        #expect(ranking.entries.allSatisfy { $0.parts.goals == 0 && $0.ratings == 0 })
        #expect(ranking.entries.first?.explanations.en.contains("= support") == true)
    }

    @Test func allWeightsZeroBehavesAsRatingsOff() {
        let zero = goals.map { Goal(key: $0.key, label: $0.label, weight: 0) }
        let input = ScoringInput(
            workshop: "ACD347", goals: zero, candidates: candidates,
            ballots: [Ballot(participantID: 1, support: [5: 1], ratings: [2: ["space": 4]])]
        )
        let ranking = Ranking.compute(input)
        #expect(ranking.method.supportWeight == 1)
        #expect(ranking.entries.first?.id == 5)
        #expect(ranking.shortlist.covers.isEmpty)
        #expect(allFinite(ranking))
    }

    @Test func aGoalOfWeightZeroIsScoredButDoesNotMoveTheOverall() {
        let weighted = [goals[0], Goal(key: "community", label: goals[1].label, weight: 0)]
        let ballots = [Ballot(participantID: 1, ratings: [2: ["space": 1, "community": 4], 5: ["space": 3, "community": 0]])]
        let ranking = Ranking.compute(ScoringInput(workshop: "ACD347", goals: weighted, candidates: candidates, ballots: ballots))
        #expect(ranking.entries.first?.id == 5)
        #expect(ranking.entry(id: 2)?.goals["community"]?.points == 0)
        #expect(ranking.perGoal["community"]?.first == 2)
    }

    @Test func equalWeightsOfAnySizeGiveTheSameRanking() {
        let ballots = [
            Ballot(participantID: 1, support: [2: 1], ratings: [2: ["space": 1, "community": 4], 5: ["space": 3]]),
            Ballot(participantID: 2, support: [9: 2], ratings: [9: ["community": 2]]),
        ]
        let small = ScoringInput(workshop: "ACD347", goals: goals, candidates: candidates, ballots: ballots)
        let large = small.reweighted(["space": 7, "community": 7])
        #expect(Ranking.compute(small).entries == Ranking.compute(large).entries)
    }

    @Test func aSingleGoalWorkshopRanksByThatGoalAndSupport() {
        let ranking = Ranking.compute(ScoringInput(
            workshop: "ACD347", goals: [goals[0]], candidates: candidates,
            ballots: [Ballot(participantID: 1, ratings: [9: ["space": 4], 2: ["space": 0], 5: ["space": 2]])]
        ))
        #expect(ranking.entries.map(\.id) == [9, 5, 2])
        #expect(ranking.entries.allSatisfy { $0.goals["space"]?.weight == 1 })
    }

    @Test func nonsenseConfigurationValuesFallBackToSaneOnes() {
        let configuration = ScoringConfiguration(
            priorStrength: .nan, intervalLevel: .infinity, supportWeight: -3, settledK: -1, shortlistK: 0, language: "xx"
        )
        let ranking = Ranking.compute(
            ScoringInput(workshop: "ACD347", goals: goals, candidates: candidates,
                         ballots: [Ballot(participantID: 1, support: [9: 1], ratings: [9: ["space": 9, "community": -2]])]),
            configuration: configuration
        )
        #expect(allFinite(ranking))
        #expect(ranking.method.priorStrength == 2 && ranking.method.interval == 0.9)
        #expect(ranking.method.supportWeight == 0)
        #expect(ranking.settled.k == 1 && ranking.shortlist.k == 1 && ranking.language == "it")
        #expect(ranking.entry(id: 9)?.goals["space"]?.mean == 4)
        #expect(ranking.entry(id: 9)?.goals["community"]?.mean == 0)
    }

    @Test func aLaterBallotOfTheSameParticipantReplacesTheEarlierOne() {
        let ranking = Ranking.compute(ScoringInput(
            workshop: "ACD347", goals: goals, candidates: candidates,
            ballots: [Ballot(participantID: 1, support: [2: 1]), Ballot(participantID: 1, support: [9: 1])]
        ))
        #expect(ranking.counts.ballots == 1)
        #expect(ranking.entries.first?.id == 9)
        #expect(ranking.entry(id: 2)?.support.supporters == 0)
    }

    @Test func dotsBeyondTheCapCountOnlyUpToTheCap() {
        let ranking = Ranking.compute(ScoringInput(
            workshop: "ACD347", goals: goals, candidates: candidates,
            ballots: [Ballot(participantID: 1, support: [2: 9])],
            settings: WorkshopSettings(votingMethod: .dots, dotBudget: 5, perProposalCap: 3)
        ))
        #expect(ranking.entry(id: 2)?.support.dots == 3)
        #expect(ranking.entry(id: 2)?.support.share == 1)
    }

    @Test func theRankingEncodesTheDocumentedShapeWithExplicitNulls() throws {
        let ranking = Ranking.compute(ScoringWorkedExample.input, configuration: ScoringWorkedExample.configuration)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(ranking)) as? [String: Any]
        for key in ["workshop", "phase", "weights", "method", "counts", "entries", "perGoal", "settled", "shortlist"] {
            #expect(object?[key] != nil, "missing \(key)")
        }
        let entries = object?["entries"] as? [[String: Any]]
        let last = entries?.last
        #expect(last?["author"] is NSNull)
        for key in ["rank", "id", "title", "overall", "goals", "support", "parts", "rankRange", "buildOns", "explanation"] {
            #expect(last?[key] != nil, "missing entries[].\(key)")
        }
        let space = (last?["goals"] as? [String: Any])?["space"] as? [String: Any]
        #expect(space?["mean"] is NSNull)
        let method = object?["method"] as? [String: Any]
        for key in ["name", "supportWeight", "priorStrength", "interval", "votingMethod", "tieBreak", "description"] {
            #expect(method?[key] != nil, "missing method.\(key)")
        }
    }
}
