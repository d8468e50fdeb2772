import OfficinaCore

/// `?format=` of the exports: absent means CSV.
extension ExportFormat: QueryChoice {
    static var parameter: String { "format" }
    static var byDefault: ExportFormat { .csv }
}
