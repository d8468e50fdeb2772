import Foundation
import Testing
@testable import OfficinaCore

@Suite struct ExportHTMLTests {
    let html = HTMLReport.workshop(ExportFixtures.report(), language: "it")

    @Test func anImageTagInATitleIsShownAsTextNotRun() {
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script"))
        #expect(html.contains("anna&lt;script&gt;"))
        #expect(!html.contains("<b>x</b>"))
        #expect(html.contains("Città &amp; spazi &lt;prova&gt;"))
        #expect(html.contains("Zoë &quot;Z&quot; D&#39;Amico"))
    }

    @Test func theReportIsPrintableOnA4WithAChartPerGoal() {
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == ScoringWorkedExample.goals.count)
        #expect(!html.contains("<script"))
    }

    @Test func theReportHasEverySection() {
        for section in ["participation", "ranking", "goals", "shortlist", "stability", "excluded", "phases", "method"] {
            #expect(html.contains("<section class=\"\(section)\">"), "missing \(section)")
        }
    }

    @Test func theMethodSectionStatesFormulasPriorWeightsTieRuleAndCounts() {
        let method = html.components(separatedBy: "<section class=\"method\">").last ?? ""
        #expect(method.contains("officina-1"))
        #expect(method.contains("Forza del prior (m)</dt><dd>2,00"))
        #expect(method.contains("Spazio 2,00, Partnership 1,00, Comunità 1,00"))
        #expect(method.contains("Regola di parità"))
        #expect(method.contains("schede \(ExportFixtures.report().ranking.counts.ballots)"))
    }

    @Test func labelsFollowTheLanguage() {
        let english = HTMLReport.workshop(ExportFixtures.report(language: "en"), language: "en")
        #expect(english.contains("<html lang=\"en\">") && english.contains(">Ranking<") && english.contains(">Method<"))
        #expect(english.contains("City &amp; spaces &lt;test&gt;"))
        #expect(html.contains("<html lang=\"it\">") && html.contains(">Classifica<") && html.contains(">Metodo<"))
    }

    @Test func aProgrammeReportRollsTheGoalsUpAndEscapesItsTitle() {
        let programme = HTMLReport.programme(ExportFixtures.programme(), language: "en")
        #expect(programme.contains("Goals across the programme"))
        #expect(programme.components(separatedBy: "<article class=\"workshop\">").count - 1 == 2)
        #expect(!programme.contains("<img"))
        #expect(programme.contains("Coverage: 100% (2/2)"))
    }
}
