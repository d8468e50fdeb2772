/// The file formats a ranking exports to (`?format=` of the export endpoints).
public enum ExportFormat: String, Codable, Sendable, CaseIterable {
    /// RFC 4180 CSV in UTF-8, comma-separated, decimal point.
    case csv
    /// For spreadsheets in an Italian locale: UTF-8 with a BOM, `;`-separated, decimal comma.
    case csvExcel = "csv-excel"
    case json
    /// A printable report (A4, print-to-PDF ready).
    case html

    /// The `Content-Type` to serve it with (RFC 4180 §3 registers `text/csv` with its `charset` and
    /// `header` parameters).
    public var contentType: String {
        switch self {
        case .csv, .csvExcel: "text/csv; charset=utf-8; header=present"
        case .json: "application/json"
        case .html: "text/html; charset=utf-8"
        }
    }

    public var fileExtension: String {
        switch self {
        case .csv, .csvExcel: "csv"
        case .json: "json"
        case .html: "html"
        }
    }
}
