import OfficinaCore

extension ExportFormat {
    /// Parses `?format=`: absent means CSV, anything unknown is a 422 naming `format`.
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
}
