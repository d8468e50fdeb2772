import Foundation
import OfficinaCore
import OfficinaStore

extension ExportFile {
    /// The export with the follow-up added: a second table after the ranking (CSV), a `followUp` member
    /// (JSON), a "What happened to our ideas" section before the end of the report (HTML). Unchanged when
    /// there are no actions.
    func addingFollowUp(_ report: FollowUpReport, format: ExportFormat, language: String) -> ExportFile {
        guard !report.isEmpty else { return self }
        var file = self
        switch format {
        case .csv, .csvExcel:
            file.bytes += Array(report.csvRecords(dialect: format == .csv ? .rfc4180 : .excel, language: language).utf8)
        case .json:
            // Inserted as text after the opening brace, so the ranking's own bytes stay exactly as rendered.
            guard let brace = bytes.firstIndex(of: UInt8(ascii: "{")),
                  let member = try? JSONSerialization.data(withJSONObject: report.json, options: [.sortedKeys, .withoutEscapingSlashes]) else {
                return self
            }
            file.bytes = Array(bytes[...brace]) + Array("\n  \"followUp\" : ".utf8) + Array(member) + Array(",".utf8) + Array(bytes[(brace + 1)...])
        case .html:
            let text = String(decoding: bytes, as: UTF8.self)
            guard let end = text.range(of: "</body>", options: .backwards) else { return self }
            file.bytes = Array((text[..<end.lowerBound] + report.htmlSection(language: language) + text[end.lowerBound...]).utf8)
        }
        return file
    }
}

extension FollowUpReport {
    /// The follow-up of `workshops`, read in the current transaction.
    static func load(_ workshops: [Workshop], in db: any SQLDatabase) throws -> FollowUpReport {
        FollowUpReport(sections: try workshops.map { workshop in
            Section(code: workshop.code.value, title: workshop.title, actions: try db.actions.list(workshopID: workshop.id),
                    proposalTitles: try FollowUpRoutes.titles(workshop, db: db))
        })
    }
}
