@testable import OfficinaCore

/// The worked example of docs/scoring.md, as data: four proposals, four ballots, approval voting.
enum ScoringWorkedExample {
    static let goals = [
        Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"), weight: 2),
        Goal(key: "partnerships", label: LocalizedText(it: "Partnership", en: "Partnerships"), weight: 1),
        Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community"), weight: 1),
    ]

    static let candidates = [
        RankingCandidate(id: 1, title: "Orto condiviso", author: "Giulia", goals: ["space"]),
        RankingCandidate(id: 2, title: "Coworking al mercato", author: "Marco", goals: ["space"]),
        RankingCandidate(id: 3, title: "Festa di quartiere", author: "Sara", goals: ["community"]),
        RankingCandidate(id: 4, title: "Biblioteca degli attrezzi", author: nil, goals: ["partnerships"]),
    ]

    static let ballots = [
        Ballot(participantID: 101, support: [1: 1, 2: 1], ratings: [1: ["space": 4, "community": 2], 2: ["space": 4]]),
        Ballot(participantID: 102, support: [1: 1, 3: 1], ratings: [1: ["space": 3, "community": 2], 2: ["space": 3]]),
        Ballot(participantID: 103, support: [1: 1], ratings: [2: ["space": 2, "community": 1], 3: ["community": 4]]),
        Ballot(participantID: 104, support: [2: 1], ratings: [3: ["space": 2, "community": 3]]),
    ]

    static var input: ScoringInput {
        ScoringInput(
            workshop: "ACD347", phase: .voting, goals: goals, candidates: candidates, ballots: ballots,
            settings: WorkshopSettings(votingMethod: .approval, ratingsEnabled: true), participants: 5
        )
    }

    static var configuration: ScoringConfiguration {
        ScoringConfiguration(shortlistK: 3, language: "en")
    }
}
