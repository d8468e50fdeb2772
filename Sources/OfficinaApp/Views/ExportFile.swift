import Foundation
import OfficinaCore
import OfficinaHTTP

/// A rendered export: bytes, content type and the file name offered to the browser.
public struct ExportFile: Sendable {
    public var bytes: [UInt8]
    public var contentType: String
    public var fileName: String

    /// A workshop's results in `format` (OfficinaCore's `WorkshopReport` renders every format).
    public static func workshop(_ results: WorkshopResults, format: ExportFormat, language: String) -> ExportFile {
        let report = results.report(language: language)
        return ExportFile(bytes: Array(report.render(format, language: language)), contentType: format.contentType,
                          fileName: name(title: results.workshop.title.text(for: language), format: format))
    }

    /// The download response (`Content-Disposition: attachment`, RFC 6266). HTML reports
    /// carry their own styles, so they get the generated-document policy (no script at all).
    var response: HTTPResponse {
        var response = HTTPResponse(status: .ok, contentType: contentType, body: bytes)
        response.headers["Content-Disposition"] = "attachment; filename=\"\(fileName)\""
        if contentType.hasPrefix("text/html") {
            response.headers["Content-Security-Policy"] = TicketSheet.contentSecurityPolicy
        }
        return response
    }
}
