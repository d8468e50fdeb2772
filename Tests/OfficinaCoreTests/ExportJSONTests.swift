import Foundation
import Testing
@testable import OfficinaCore

@Suite struct ExportJSONTests {
    @Test func aWorkshopExportDecodesBackToTheSameReport() throws {
        let report = ExportFixtures.report()
        let data = report.render(.json)
        #expect(try JSONExport.decodeWorkshop(data) == report)
    }

    @Test func aProgrammeExportDecodesBackWithItsRollup() throws {
        let programme = ExportFixtures.programme()
        let decoded = try JSONExport.decodeProgramme(programme.render(.json))
        #expect(decoded == programme)
        #expect(decoded?.rollup.goals.map(\.key) == ["space", "partnerships", "community"])
    }

    @Test func theSameReportGivesTheSameBytes() {
        #expect(ExportFixtures.report().render(.json) == ExportFixtures.report().render(.json))
        #expect(ExportFixtures.report().render(.html) == ExportFixtures.report().render(.html))
        #expect(ExportFixtures.report().render(.csv) == ExportFixtures.report().render(.csv))
    }

    @Test func theJSONCarriesBreakdownWeightsMethodAndPhaseLog() throws {
        let object = try JSONSerialization.jsonObject(with: ExportFixtures.report().render(.json)) as? [String: Any]
        #expect(object?["format"] as? String == "officina-export-1")
        let workshop = object?["workshop"] as? [String: Any]
        let ranking = workshop?["ranking"] as? [String: Any]
        #expect((workshop?["phaseLog"] as? [Any])?.count == 3)
        #expect((ranking?["weights"] as? [String: Double])?["space"] == 2)
        #expect((ranking?["method"] as? [String: Any])?["name"] as? String == "officina-1")
        let entry = (ranking?["entries"] as? [[String: Any]])?.first
        #expect(entry?["parts"] != nil && entry?["explanation"] != nil && entry?["goals"] != nil)
    }

    @Test func eachFormatHasItsContentType() {
        #expect(ExportFormat(rawValue: "csv-excel") == .csvExcel)
        #expect(ExportFormat.csv.contentType.hasPrefix("text/csv"))
        #expect(ExportFormat.html.contentType == "text/html; charset=utf-8")
        #expect(ExportFormat.json.fileExtension == "json")
    }
}
