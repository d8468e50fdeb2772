import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

extension PeopleRoutes {
    /// `POST /api/programmes/{id}/contacts` with `{"format": "csv"|"vcard", "workshop": CODE|null}` (both
    /// optional; an empty body means the whole programme as CSV): consenting contacts only, recorded in
    /// the export log before the file is sent.
    ///
    /// A POST, not a GET, because it writes the log: a link on another site could make a signed-in
    /// facilitator's browser fetch a GET (it could not read the file, but it would leave a false
    /// entry), while a POST must pass the Origin check like every other write. A GET here gets the
    /// router's 405 with `Allow: POST`.
    func contacts(_ request: HTTPRequest) async throws -> HTTPResponse {
        let session = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let (format, code) = try Self.contactExportOptions(request)
        let people: [PeopleDirectory.Reachable] = try await context.store.write { db in
            guard try db.programmes.find(id: id) != nil else { throw APIError.notFound("Programme") }
            var workshops = try db.workshops.list(programmeID: id)
            if let code {
                workshops = workshops.filter { $0.code == code }
                // Another programme's workshop (or none): nothing to export, and nothing recorded.
                guard !workshops.isEmpty else { throw APIError.notFound("Workshop") }
            }
            let reachable = try Self.directory(programmeID: id, workshops: workshops, db: db).0.reachable
            try db.contactExports.record(programmeID: id, workshopCode: code?.value, facilitator: session.username, format: format,
                                         contacts: reachable.count)
            return reachable
        }
        let file = format == "csv"
            ? ExportFile(bytes: Array(ContactExport.csv(people)), contentType: "text/csv; charset=utf-8; header=present",
                         fileName: "officina-contacts-\(id).csv")
            : ExportFile(bytes: Array(ContactExport.vCard(people)), contentType: "text/vcard; charset=utf-8", fileName: "officina-contacts-\(id).vcf")
        var response = file.response
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    /// The export's format (default csv) and workshop (default none: the whole programme), from the body.
    static func contactExportOptions(_ request: HTTPRequest) throws -> (format: String, workshop: JoinCode?) {
        guard !request.body.isEmpty else { return ("csv", nil) }
        let body = try JSONFields(request, allowed: ["format", "workshop"])
        var format = "csv"
        if let value = body.members["format"], value != .null {
            guard case let .string(text) = value, text == "csv" || text == "vcard" else {
                throw APIError.invalid("format", "format must be csv or vcard.", code: "format")
            }
            format = text
        }
        var workshop: JoinCode?
        if let value = body.members["workshop"], value != .null {
            guard case let .string(text) = value, text.utf8.count <= 64, let code = JoinCode(text) else {
                throw APIError.invalid("workshop", "workshop must be a workshop's join code.", code: "workshop")
            }
            workshop = code
        }
        return (format, workshop)
    }
}
