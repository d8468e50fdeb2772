import Foundation
import Testing
@testable import OfficinaCore

/// Exports of a pairwise workshop (docs/scoring.md §13, §20): no per-goal columns (a pair is judged on
/// all goals at once), support columns named for the comparisons they hold, and a programme table that
/// keeps its columns aligned when one workshop votes by pairs.
@Suite struct ExportPairwiseTests {
    /// Four proposals; 1 beats everyone, 2 beats 3 and 4, 3 beats 4; one skip.
    static func report(language: String = "en") -> WorkshopReport {
        let candidates = (1...4).map { RankingCandidate(id: Int64($0), title: "Idea \($0)", goals: ["space"]) }
        var comparisons: [Comparison] = []
        for (winner, loser) in [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)] {
            comparisons.append(Comparison(participantID: 7, winner: Int64(winner), loser: Int64(loser))!)
            comparisons.append(Comparison(participantID: 8, winner: Int64(winner), loser: Int64(loser))!)
        }
        comparisons.append(Comparison(participantID: 9, skipped: ProposalPair(1, 2)!))
        let input = ScoringInput(workshop: "PAIRS2", goals: ScoringPairwiseTests.goals, candidates: candidates, ballots: [],
                                 settings: WorkshopSettings(votingMethod: .pairwise), participants: 3)
        let ranking = VotingMethod.pairwise.strategy.rank(
            input, comparisons: comparisons, configuration: ScoringConfiguration(language: language))
        return WorkshopReport(
            code: "PAIRS2", title: LocalizedText(it: "Coppie", en: "Pairs"), description: LocalizedText(it: "", en: ""),
            theme: "design", phase: .closed, ranking: ranking, phaseLog: [], generatedAt: ExportFixtures.generatedAt)
    }

    static func table(_ data: Data) throws -> [[String]] {
        Array(try ExportCSVReader.records(data, separator: ",").prefix { $0 != [""] })
    }

    @Test func aPairwiseCSVHasNoGoalColumnsAndNamesItsSupportColumnsForComparisons() throws {
        let rows = try Self.table(CSVExport.workshop(Self.report(), dialect: .rfc4180, language: "en"))
        let header = try #require(rows.first)
        #expect(!header.contains { $0.hasPrefix("space:") || $0.hasPrefix("community:") }, "\(header)")
        #expect(!header.contains("support") && !header.contains("supporters"), "\(header)")
        let chosen = try #require(header.firstIndex(of: "chosen in comparisons"))
        #expect(Array(header[chosen..<(chosen + 4)])
            == ["chosen in comparisons", "chosen in comparisons lower bound", "chosen by", "times chosen"])
        #expect(header[4..<7] == ["overall", "overall low", "overall high"])
        #expect(rows.count == 5)
        for row in rows.dropFirst() { #expect(row.count == header.count) }
        // Proposal 1 won all six of its comparisons, chosen by both participants who answered.
        let first = rows[1]
        #expect(first[1] == "1")
        #expect(first[chosen] == "1.000" && first[chosen + 2] == "2" && first[chosen + 3] == "6")
        #expect(first[4] != "" && first[4] != "0.00")

        let italian = try #require(try Self.table(CSVExport.workshop(Self.report(language: "it"), dialect: .rfc4180, language: "it")).first)
        #expect(italian.contains("scelta nei confronti") && italian.contains("volte scelta"))
    }

    @Test func aBallotCSVKeepsItsGoalAndSupportColumns() throws {
        let rows = try Self.table(CSVExport.workshop(ExportFixtures.report(), dialect: .rfc4180, language: "en"))
        let header = try #require(rows.first)
        #expect(header.contains("space: score") && header.contains("support") && header.contains("support units"), "\(header)")
        #expect(!header.contains("chosen in comparisons"))
    }

    @Test func aProgrammeTableLeavesAPairwiseWorkshopsGoalCellsEmptyAndStaysAligned() throws {
        let ballots = ExportFixtures.report()
        let programme = ProgrammeReport(
            id: 1, title: LocalizedText(it: "Programma", en: "Programme"), description: LocalizedText(it: "", en: ""),
            goals: ScoringWorkedExample.goals, workshops: [ballots, Self.report()], generatedAt: ExportFixtures.generatedAt)
        let rows = try Self.table(CSVExport.programme(programme, dialect: .rfc4180, language: "en"))
        let header = try #require(rows.first)
        let goalCells = header.indices.filter { header[$0].contains(": ") }
        #expect(goalCells.count == ScoringWorkedExample.goals.count * 4)
        let pairwise = rows.filter { $0.first == "PAIRS2" }
        #expect(pairwise.count == 4)
        for row in rows.dropFirst() { #expect(row.count == header.count) }
        for row in pairwise { #expect(goalCells.allSatisfy { row[$0].isEmpty }, "\(row)") }
        let rated = rows.filter { $0.first == "ACD347" && !$0[2].isEmpty }
        #expect(rated.contains { row in goalCells.contains { !row[$0].isEmpty } })
    }

    @Test func aPairwiseHTMLReportShowsNoGoalColumnsAndSaysWhy() throws {
        let html = HTMLReport.workshop(Self.report(), language: "en")
        let table = html.components(separatedBy: "<section class=\"ranking\">").last ?? ""
        let head = table.components(separatedBy: "</thead>").first ?? ""
        #expect(!head.contains(">Space<") && !head.contains(">Community<"))
        #expect(head.contains("<th class=\"n\">Chosen in comparisons</th>"))
        #expect(html.contains("Each pair is judged against all goals at once: there are no scores per goal."))
        #expect(!html.contains("Ratings per goal were not asked"))
        let italian = HTMLReport.workshop(Self.report(language: "it"), language: "it")
        #expect(italian.contains("non ci sono punteggi per obiettivo"))
    }
}
