import Foundation
import OfficinaCore

extension ExportFile {
    /// `officina-<slug>-<yyyy-mm-dd><suffix>`: `.csv`, `-excel.csv`, `.json`, `.html`, so the two CSVs
    /// never download under the same name. The slug is the title in ASCII letters and digits.
    static func name(title: String, format: ExportFormat, date: Date = Date()) -> String {
        let suffix = format == .csvExcel ? "-excel.csv" : ".\(format.fileExtension)"
        let slug = slug(title)
        return "officina-\(slug.isEmpty ? "export" : slug)-\(day(date))\(suffix)"
    }

    /// Lower-case ASCII letters and digits joined by single hyphens, accents folded ("Città" → "citta"),
    /// at most 60 characters: safe inside the quoted `filename` of Content-Disposition.
    static func slug(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
                if slug.count >= 60 { break }
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// The UTC calendar day, `yyyy-mm-dd`.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
