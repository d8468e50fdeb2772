import Foundation
import OfficinaCore

/// The formats of `?format=` and `officina export --format`.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv
    case csvExcel = "csv-excel"
    case json
    case html

    /// Parses `?format=`; absent means CSV, anything unknown is a 422 naming `format`.
    init(query: String?) throws {
        guard let query, !query.isEmpty else {
            self = .csv
            return
        }
        guard let format = ExportFormat(rawValue: query) else {
            throw APIError.invalid("format", "format must be one of csv, csv-excel, json, html.", code: "format")
        }
        self = format
    }

    /// Renders one workshop's results.
    func render(_ results: WorkshopResults, language: String) throws -> ExportFile {
        let ranking = results.ranking(language: language)
        let base = "officina-\(results.workshop.code.value)"
        switch self {
        case .json:
            let document: JSONValue = .object([
                ("ranking", try JSONValue.encoding(ranking)),
                ("phaseLog", .array(results.phaseLog.map(JSONValue.phaseChange))),
            ])
            return ExportFile(bytes: document.bytes, contentType: "application/json; charset=utf-8", fileName: "\(base).json")
        case .csv, .csvExcel, .html:
            throw APIError(.notImplemented, code: "format_unavailable", "This export format is not available yet.", field: "format")
        }
    }
}
