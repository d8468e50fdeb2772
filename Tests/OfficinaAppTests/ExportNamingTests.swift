import Foundation
import Testing
@testable import OfficinaApp

/// Export files say what they are: `officina-<workshop-slug>-<date>` with `.csv`, `-excel.csv`,
/// `.json` or `.html`, so the two CSVs never download under the same name.
@Suite struct ExportNamingTests {
    @Test func everyFormatDownloadsUnderItsOwnDescriptiveName() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let title = try await server.browser().get("/api/workshops/\(f.code)").json["title"]?["en"]?.stringValue ?? ""
            let slug = ExportFile.slug(title)
            #expect(!slug.isEmpty)
            let day = ExportFile.day(Date())
            var names: Set<String> = []
            for (format, suffix) in [("csv", ".csv"), ("csv-excel", "-excel.csv"), ("json", ".json"), ("html", ".html")] {
                let file = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=\(format)&lang=en")
                #expect(file.status == 200)
                let disposition = file.header("Content-Disposition") ?? ""
                #expect(disposition == "attachment; filename=\"officina-\(slug)-\(day)\(suffix)\"", "\(format): \(disposition)")
                names.insert(disposition)
            }
            #expect(names.count == 4)
        }
    }

    @Test func slugsFoldAccentsAndPunctuation() {
        #expect(ExportFile.slug("Città, \"perché\"; sì — 2026!") == "citta-perche-si-2026")
        #expect(ExportFile.slug("«»") == "")
        #expect(ExportFile.name(title: "«»", format: .csvExcel, date: Date(timeIntervalSince1970: 0)) == "officina-export-1970-01-01-excel.csv")
    }
}
