import Foundation
@testable import OfficinaCore

/// Workshops with awkward text for the export tests.
enum ExportFixtures {
    static let generatedAt = Date(timeIntervalSince1970: 1_796_040_000)

    static let awkwardTitles: [Int64: String] = [
        1: "Città più verde, perché no?",
        2: "Il \"mercato\"; coworking, sì",
        3: "Prima riga\nseconda riga\r\nterza",
        4: "=HYPERLINK(\"http://x\";\"clic\")",
        5: "<img src=x onerror=alert(1)>",
        6: "+39 ore di festa",
        7: "-rimedi",
        8: "@menzione",
        9: "\tindentato",
    ]

    static func report(language: String = "it", method: VotingMethod = .dots) -> WorkshopReport {
        var input = ScoringWorkedExample.input
        input.settings.votingMethod = method
        input.candidates = awkwardTitles.keys.sorted().map { id in
            RankingCandidate(
                id: id, title: awkwardTitles[id] ?? "", author: id == 2 ? "Zoë \"Z\" D'Amico" : (id == 5 ? "<b>x</b>" : nil),
                status: id == 9 ? .merged(into: 1) : (id == 8 ? .hidden : .visible), goals: ["partnerships"],
                buildOns: Int(id % 3)
            )
        }
        input.ballots.append(Ballot(participantID: 105, support: [5: 2, 6: 1, 9: 2], ratings: [5: ["space": 4]]))
        let ranking = Ranking.compute(input, configuration: ScoringConfiguration(language: language))
        return WorkshopReport(
            code: "ACD347", title: LocalizedText(it: "Città & spazi <prova>", en: "City & spaces <test>"),
            description: LocalizedText(it: "Perché \"qui\"?", en: "Why \"here\"?"), theme: "design",
            phase: .closed, ranking: ranking,
            phaseLog: [
                PhaseChange(from: .draft, to: .collecting, by: "anna<script>", at: generatedAt.addingTimeInterval(-7_200)),
                PhaseChange(from: .collecting, to: .voting, by: "anna", at: generatedAt.addingTimeInterval(-3_600)),
                PhaseChange(from: .voting, to: .closed, by: "anna", at: generatedAt),
            ],
            generatedAt: generatedAt
        )
    }

    static func programme() -> ProgrammeReport {
        var second = report()
        second.code = "QWERTY"
        second.title = LocalizedText(it: "Eventi", en: "Events")
        return ProgrammeReport(
            id: 1, title: LocalizedText(it: "Programma «hub»", en: "Hub programme"),
            description: LocalizedText(it: "", en: ""), goals: ScoringWorkedExample.goals,
            workshops: [report(), second], generatedAt: generatedAt
        )
    }
}
