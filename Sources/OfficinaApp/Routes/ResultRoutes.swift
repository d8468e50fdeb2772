import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// The ranking and the exports: facilitators always, anyone once the workshop is closed.
struct ResultRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/ranking", ranking)
        routes.get("/api/workshops/:code/export", export)
    }

    /// Loads the results a caller may see; 403 `results_hidden` before the workshop closes
    /// unless the caller is a facilitator.
    func results(_ request: HTTPRequest) throws -> WorkshopResults {
        let workshop = try context.workshop(request)
        let facilitator = try context.facilitator(of: request) != nil
        guard facilitator || workshop.phase.publishesResults else {
            throw APIError(.forbidden, code: "results_hidden", "Results are published when the workshop closes.")
        }
        let weights = request.queryItems["weights"]
        return try context.store.read { db in
            try WorkshopResults.load(workshop, weights: weights, showAuthors: facilitator, in: db)
        }
    }

    func ranking(_ request: HTTPRequest) async throws -> HTTPResponse {
        let results = try results(request)
        let ranking = results.ranking(language: Self.language(request))
        return .json(try JSONValue.encoding(ranking))
    }

    func export(_ request: HTTPRequest) async throws -> HTTPResponse {
        let format = try ExportFormat(query: request.queryItems["format"])
        let results = try results(request)
        return ExportFile.workshop(results, format: format, language: Self.language(request)).response
    }

    /// `en` when the client prefers English (`Accept-Language`), else Italian.
    static func language(_ request: HTTPRequest) -> String {
        if let lang = request.queryItems["lang"], lang == "en" || lang == "it" { return lang }
        let accepted = request.headers["Accept-Language"]?.lowercased() ?? ""
        return accepted.hasPrefix("en") ? "en" : "it"
    }
}
