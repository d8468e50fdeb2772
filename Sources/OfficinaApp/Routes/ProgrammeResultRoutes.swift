import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Across a programme: per goal, the strongest proposals of all its workshops and how well the
/// goal is covered (`overview`), and every workshop's results in one file (`export`).
struct ProgrammeResultRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/programmes/:id/overview", overview)
        routes.get("/api/programmes/:id/export", export)
    }

    func report(_ request: HTTPRequest, language: String) throws -> ProgrammeReport {
        _ = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let loaded: (Programme, [WorkshopResults])? = try context.store.read { db in
            guard let programme = try db.programmes.find(id: id) else { return nil }
            let workshops = try db.workshops.list(programmeID: id).map { workshop -> WorkshopResults in
                var results = try WorkshopResults.load(workshop, weights: nil, audience: .facilitator, in: db)
                try results.applyClusters(filter: nil, in: db)
                return results
            }
            return (programme, workshops)
        }
        guard let (programme, workshops) = loaded else { throw APIError.notFound("Programme") }
        let now = Date()
        return ProgrammeReport(programme: programme, workshops: workshops.map { $0.report(language: language, at: now) }, generatedAt: now)
    }

    func overview(_ request: HTTPRequest) async throws -> HTTPResponse {
        let report = try report(request, language: ResultRoutes.language(request))
        let actions = try context.store.read { db in
            try db.programmes.find(id: report.id).map { try FollowUpRoutes.perGoal(programme: $0, db: db) } ?? .null
        }
        return .json(.object([
            ("programme", .integer(report.id)),
            ("goals", .array(report.goals.map(JSONValue.goal))),
            ("rollup", try JSONValue.encoding(report.rollup)),
            ("actionsPerGoal", actions),
        ]))
    }

    func export(_ request: HTTPRequest) async throws -> HTTPResponse {
        let format = try ExportFormat(query: request.queryItems["format"])
        let language = ResultRoutes.language(request)
        let report = try report(request, language: language)
        let file = ExportFile(bytes: Array(report.render(format, language: language)), contentType: format.contentType,
                              fileName: ExportFile.name(title: "programme-" + report.title.text(for: language), format: format))
        let followUp = try context.store.read { db in try FollowUpReport.load(try db.workshops.list(programmeID: report.id), in: db) }
        return file.addingFollowUp(followUp, format: format, language: language).response
    }
}
