import Testing
@testable import OfficinaCore

/// `officina-2` in a small room where each person rates one or two proposals: a rater of a single
/// proposal keeps offset 0 (the prior) instead of being set aside (docs/scoring.md §15).
@Suite struct ScoringCalibrationSmallRoomTests {
    static let goals = ["space", "partnerships", "community"].map {
        Goal(key: $0, label: LocalizedText(it: $0, en: $0), weight: 1)
    }

    static func rated(_ values: [Int64: [Int]]) -> [Int64: [String: Int]] {
        values.mapValues { list in Dictionary(uniqueKeysWithValues: zip(goals.map(\.key), list)) }
    }

    /// Five voters, five proposals: three rate a single proposal (one of them a single rating), two rate two.
    static let room = ScoringInput(
        workshop: "ACD347", goals: goals,
        candidates: (1...5).map { RankingCandidate(id: Int64($0), title: "P\($0)") },
        ballots: [
            Ballot(participantID: 1, support: [:], ratings: rated([1: [4, 4, 4]])),
            Ballot(participantID: 2, support: [:], ratings: rated([2: [3, 3, 3], 3: [2, 2, 2]])),
            Ballot(participantID: 3, support: [:], ratings: rated([4: [1, 1, 1]])),
            Ballot(participantID: 4, support: [:], ratings: [5: ["space": 0]]),
            Ballot(participantID: 5, support: [:], ratings: rated([1: [4, 3, 4], 5: [0, 1, 0]])),
        ])

    @Test func aRoomOfFiveRatingOneOrTwoProposalsIsOrderedByItsRatings() throws {
        let ranking = Ranking.compute(Self.room, configuration: ScoringConfiguration(language: "en", method: .officina2))
        #expect(ranking.entries.map(\.id) == [1, 2, 3, 4, 5])
        // Every rating counts: none of these raters is set aside.
        #expect(ranking.counts.ratings == 3 + 6 + 3 + 1 + 6)
        let space = try #require(ranking.perGoal["space"])
        #expect(space == [1, 2, 3, 4, 5])
        #expect(ranking.entries.allSatisfy { $0.parts.goals > 0 })
        let top = try #require(ranking.entry(id: 1)?.goals["space"])
        let bottom = try #require(ranking.entry(id: 5)?.goals["space"])
        #expect(top.score - bottom.score > 1, "the goal scores spread, they do not all sit at the prior")
    }

    /// A single rating moves its proposal exactly as `officina-1` would: its rater's offset is the prior, 0.
    @Test func aSingleRatingCountsAsGiven() throws {
        let input = ScoringInput(
            workshop: "ACD347", goals: Self.goals,
            candidates: [RankingCandidate(id: 1, title: "A"), RankingCandidate(id: 2, title: "B")],
            ballots: [Ballot(participantID: 1, support: [:], ratings: [1: ["space": 4]]),
                      Ballot(participantID: 2, support: [:], ratings: [2: ["space": 1]])])
        let two = Ranking.compute(input, configuration: ScoringConfiguration(method: .officina2))
        let one = Ranking.compute(input, configuration: ScoringConfiguration(method: .officina1))
        for id: Int64 in [1, 2] {
            let calibrated = try #require(two.entry(id: id)?.goals["space"])
            let raw = try #require(one.entry(id: id)?.goals["space"])
            #expect(abs(calibrated.score - raw.score) < 1e-12)
            #expect(calibrated.ratings == 1)
        }
        #expect(two.entries.map(\.id) == [1, 2])
    }
}
