import Foundation
import Testing
@testable import OfficinaCore

@Suite struct ExportCSVTests {
    let report = ExportFixtures.report()

    /// The title a spreadsheet shows: the writer's leading `'` removed from neutralised cells.
    private func shown(_ cell: String) -> String {
        cell.hasPrefix("'") ? String(cell.dropFirst()) : cell
    }

    private func table(_ dialect: CSVDialect, _ report: WorkshopReport, language: String = "it") throws -> [[String]] {
        let data = CSVExport.workshop(report, dialect: dialect, language: language)
        let records = try ExportCSVReader.records(data, separator: dialect.separator)
        return Array(records.prefix { $0 != [""] })
    }

    @Test(arguments: [CSVDialect.rfc4180, CSVDialect.excel])
    func accentsQuotesCommasSemicolonsAndNewlinesSurviveARoundTrip(dialect: CSVDialect) throws {
        let rows = try table(dialect, report)
        let header = try #require(rows.first)
        let idColumn = try #require(header.firstIndex(of: "id"))
        let titleColumn = idColumn + 1
        #expect(rows.count == 1 + ExportFixtures.awkwardTitles.count)
        for row in rows.dropFirst() {
            #expect(row.count == header.count)
            let id = try #require(Int64(row[idColumn]))
            #expect(shown(row[titleColumn]) == ExportFixtures.awkwardTitles[id])
        }
        let authors = rows.map { $0[titleColumn + 1] }
        #expect(authors.contains("Zoë \"Z\" D'Amico"))
    }

    @Test func cellsThatASpreadsheetWouldRunAsAFormulaStartWithAQuote() throws {
        let rows = try table(.rfc4180, report)
        let titles = rows.dropFirst().map { $0[2] }
        for attack in ["=HYPERLINK", "+39", "-rimedi", "@menzione", "\tindentato"] {
            let cell = try #require(titles.first { $0.contains(attack.trimmingCharacters(in: .whitespaces)) })
            #expect(cell.hasPrefix("'"), "\(attack) not neutralised")
        }
        #expect(titles.filter { $0.hasPrefix("'") }.count == 5)
        #expect(CSVWriter.neutralised("\r=1") == "'\r=1")
        #expect(CSVWriter.neutralised("Città") == "Città")
    }

    @Test func theExcelDialectHasABomSemicolonsAndDecimalCommas() throws {
        let data = CSVExport.workshop(report, dialect: .excel, language: "it")
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = try table(.excel, report)
        let overall = rows[1][4]
        #expect(overall.contains(",") && !overall.contains("."))
        let plain = try table(.rfc4180, report)
        #expect(plain[1][4].replacingOccurrences(of: ".", with: ",") == overall)
        #expect(!CSVExport.workshop(report, dialect: .rfc4180, language: "it").starts(with: [0xEF]))
    }

    @Test func everyRecordEndsWithCRLFAndTheNumbersAreTheRankings() throws {
        let text = String(decoding: CSVExport.workshop(report, dialect: .rfc4180, language: "en"), as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        let rows = try table(.rfc4180, report, language: "en")
        #expect(rows[0].prefix(5) == ["rank", "id", "proposal", "author", "overall"])
        let first = try #require(report.ranking.entries.first)
        #expect(rows[1][0] == "1" && rows[1][1] == "\(first.id)")
        #expect(rows[1][4] == DecimalText.format(first.overall, digits: 2))
        let excluded = rows.filter { $0[0].isEmpty }
        #expect(Set(excluded.map { $0[1] }) == ["8", "9"])
        #expect(excluded.contains { $0.contains("merged") && $0.contains("1") })
    }

    @Test func theFileStatesTheMethodAfterTheTable() throws {
        let records = try ExportCSVReader.records(CSVExport.workshop(report, dialect: .rfc4180, language: "en"), separator: ",")
        let block = records.drop { $0 != [""] }.dropFirst()
        let labels = block.map { $0[0] }
        for label in ["Method", "Formulas", "Prior strength (m)", "Interval level", "Goal weights", "Tie rule", "Counts"] {
            #expect(labels.contains(label), "missing \(label)")
        }
        #expect(block.contains { $0 == ["Method", "officina-1"] })
    }

    @Test func aProgrammeExportsAllItsWorkshopsInOneTable() throws {
        let programme = ExportFixtures.programme()
        let records = try ExportCSVReader.records(CSVExport.programme(programme, dialect: .rfc4180, language: "it"), separator: ",")
        let rows = records.prefix { $0 != [""] }
        let codes = rows.dropFirst().map { $0[0] }
        #expect(Set(codes) == ["ACD347", "QWERTY"])
        #expect(rows.count == 1 + 2 * ExportFixtures.awkwardTitles.count)
        let rollup = try ExportCSVReader.records(CSVExport.rollup(programme, dialect: .excel, language: "it"), separator: ";")
        #expect(rollup.first?.first == "obiettivo")
        #expect(rollup.contains { $0.first == "space" })
    }
}
