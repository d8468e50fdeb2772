import Foundation
import Testing
@testable import OfficinaCore

/// Broad support in the per-proposal explanation and the HTML report (docs/scoring.md §8, §13, §19):
/// shown when participant groups voted, absent when the workshop has none.
@Suite struct ExportBroadSupportTests {
    static let groups = [
        ParticipantGroup(key: "resident", label: LocalizedText(it: "Residenti <&>", en: "Residents <&>")),
        ParticipantGroup(key: "student", label: LocalizedText(it: "Studenti", en: "Students")),
    ]

    /// The worked example of §19: residents 1–4 back proposal 1 three times in four, students 5–6 rate
    /// it 2 (seen, not backed), participant 7 declared nothing. `grouped` false: a workshop without groups.
    static func ranking(grouped: Bool, bridging: Bool = false, language: String = "en") -> Ranking {
        let candidates = [RankingCandidate(id: 1, title: "Orto <b>"), RankingCandidate(id: 2, title: "Bar")]
        func ballot(_ id: Int64, _ rating: Int, dots: Int = 0) -> Ballot {
            Ballot(participantID: id, support: dots > 0 ? [1: dots] : [:],
                   ratings: [1: ["space": rating, "partnerships": rating, "community": rating], 2: ["space": 2]])
        }
        var input = ScoringInput(
            workshop: "ACD347", goals: ScoringBridgingTests.goals, candidates: candidates,
            ballots: [ballot(1, 3), ballot(2, 4), ballot(3, 1, dots: 1), ballot(4, 1), ballot(5, 2), ballot(6, 2), ballot(7, 4)])
        if grouped {
            input.participantGroups = groups
            input.groupOf = [1: "resident", 2: "resident", 3: "resident", 4: "resident", 5: "student", 6: "student"]
        }
        var configuration = ScoringConfiguration(language: language)
        configuration.bridging = bridging
        return Ranking.compute(input, configuration: configuration)
    }

    static func report(_ ranking: Ranking) -> WorkshopReport {
        WorkshopReport(
            code: "ACD347", title: LocalizedText(it: "Prova", en: "Test"), description: LocalizedText(it: "", en: ""),
            theme: "design", phase: .closed, ranking: ranking, phaseLog: [], generatedAt: ExportFixtures.generatedAt)
    }

    @Test func theExplanationNamesBroadSupportEachGroupAndTheGroupCarryingItInBothLanguages() throws {
        let entry = try #require(Self.ranking(grouped: true).entry(id: 1))
        #expect(entry.explanations.en.hasSuffix(
            " Broad support 41% across 2 groups: Residents <&> 67% (3 of 4 backed it), Students 25% (0 of 2 backed it);"
                + " carried by one group: Residents <&>."), "\(entry.explanations.en)")
        #expect(entry.explanations.it.hasSuffix(
            " Sostegno trasversale 41% su 2 gruppi: Residenti <&> 67% (3 su 4 a favore), Studenti 25% (0 su 2 a favore);"
                + " sostenuta da un solo gruppo: Residenti <&>."), "\(entry.explanations.it)")
        #expect(entry.explanation == entry.explanations.en)
        // Proposal 2 is rated 2 by everyone: seen, backed by nobody, carried by no group.
        let other = try #require(Self.ranking(grouped: true).entry(id: 2))
        #expect(other.explanations.en.contains("Broad support") && !other.explanations.en.contains("carried by one group"))
    }

    @Test func theExplanationSaysWhenBroadSupportCountedInTheOverall() throws {
        let on = try #require(Self.ranking(grouped: true, bridging: true).entry(id: 1))
        #expect(on.explanations.en.hasSuffix("; weighed into the overall in place of the support's lower bound."))
        #expect(on.explanations.it.hasSuffix("; conta nel punteggio al posto del limite inferiore del sostegno."))
        let off = try #require(Self.ranking(grouped: true).entry(id: 1))
        #expect(!off.explanations.en.contains("weighed into the overall"))
    }

    @Test func withoutGroupsTheExplanationAndTheReportSayNothingAboutBroadSupport() throws {
        let ranking = Self.ranking(grouped: false, bridging: true)
        for entry in ranking.entries {
            #expect(!entry.explanations.en.contains("Broad support") && !entry.explanations.en.contains("group"))
            #expect(!entry.explanations.it.contains("trasversale") && !entry.explanations.it.contains("grupp"))
        }
        for language in ["en", "it"] {
            let html = HTMLReport.workshop(Self.report(Self.ranking(grouped: false, language: language)), language: language)
            #expect(!html.contains("Broad support") && !html.contains("Sostegno trasversale"))
            #expect(!html.contains("Carried by one group") && !html.contains("Sostenuta da un solo gruppo"))
        }
    }

    @Test func theReportAddsABroadSupportColumnWithEscapedGroupsAndTheCarriedFlag() throws {
        let html = HTMLReport.workshop(Self.report(Self.ranking(grouped: true)), language: "en")
        let table = html.components(separatedBy: "<section class=\"ranking\">").last ?? ""
        #expect(table.contains("<th class=\"n\">Broad support</th>"))
        #expect(table.contains("<td class=\"n\">41%<br><span class=\"note\">Residents &lt;&amp;&gt; 3/4 (67%); Students 0/2 (25%)</span>"
            + "<br><strong class=\"carried\">Carried by one group: Residents &lt;&amp;&gt;</strong></td>"), "\(table)")
        #expect(!html.contains("<&>") && !html.contains("Orto <b>"))
        // Every row has as many cells as the head has columns: the explanation row spans the rest.
        let head = table.components(separatedBy: "</thead>").first ?? ""
        let columns = head.components(separatedBy: "</th>").count - 1
        #expect(columns == 9 && table.contains("<td colspan=\"\(columns - 1)\">"), "\(head)")
        let italian = HTMLReport.workshop(Self.report(Self.ranking(grouped: true, language: "it")), language: "it")
        #expect(italian.contains("<th class=\"n\">Sostegno trasversale</th>"))
        #expect(italian.contains("Sostenuta da un solo gruppo: Residenti &lt;&amp;&gt;"))
        #expect(italian.contains("Sostegno trasversale 41% su 2 gruppi: Residenti &lt;&amp;&gt; 67%"))
    }
}
