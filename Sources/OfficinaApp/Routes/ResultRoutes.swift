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

    /// The workshop and whether the caller is served as a facilitator (`?audience=public` is not);
    /// 403 `results_hidden` before the workshop closes unless they are.
    func access(_ request: HTTPRequest) throws -> (Workshop, facilitator: Bool) {
        let workshop = try context.workshop(request)
        let facilitator = try Viewer.requested(by: request) == nil && context.facilitator(of: request) != nil
        guard facilitator || workshop.phase.publishesResults else {
            throw APIError(.forbidden, code: "results_hidden", "Results are published when the workshop closes.")
        }
        return (workshop, facilitator)
    }

    /// Loads the results a caller may see.
    func results(_ request: HTTPRequest) throws -> WorkshopResults {
        let (workshop, facilitator) = try access(request)
        let weights = request.queryItems["weights"]
        let cluster = try ClusterFilter.requestedID(request)
        return try context.store.read { db in
            var results = try WorkshopResults.load(workshop, weights: weights, audience: facilitator ? .facilitator : .anyone, in: db, ballots: context.ballotCache)
            try results.applyClusters(filter: cluster, in: db)
            return results
        }
    }

    /// The ranking, from ``RankingCache`` while no write has committed since it was computed, with
    /// an `ETag`: `If-None-Match` with it answers 304.
    func ranking(_ request: HTTPRequest) async throws -> HTTPResponse {
        // One cluster's ranking is not cached: the cache's key knows no cluster.
        if try ClusterFilter.requestedID(request) != nil {
            let ranking = try results(request).ranking(language: Self.language(request))
            return HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8", body: try JSONByteEncoder.bytes(ranking))
        }
        // Taken before any read, so whatever is read next is at least this fresh.
        let generation = context.store.changeGeneration
        let (workshop, facilitator) = try access(request)
        let language = Self.language(request)
        let weights = request.queryItems["weights"]
        let key = RankingKey(workshopID: workshop.id, weights: weights, language: language, facilitator: facilitator)
        if let answer = context.rankings.value(for: key, generation: generation) { return answer.response(to: request) }
        let results = try context.store.read { db in
            try WorkshopResults.load(workshop, weights: weights, audience: facilitator ? .facilitator : .anyone, in: db, ballots: context.ballotCache)
        }
        let ranking = results.ranking(language: language)
        // About 2 KiB per entry (benchmarks/system.md): reserved at once instead of grown by doubling.
        let answer = EncodedAnswer(try JSONByteEncoder.bytes(ranking, capacity: 16 * 1024 + 2_304 * ranking.entries.count))
        context.rankings.store(answer, for: key, generation: generation)
        return answer.response(to: request)
    }

    func export(_ request: HTTPRequest) async throws -> HTTPResponse {
        let format = try ExportFormat(query: request.queryItems["format"])
        let results = try results(request)
        let followUp = try context.store.read { db in try FollowUpReport.load([results.workshop], in: db) }
        return ExportFile.workshop(results, format: format, language: Self.language(request))
            .addingFollowUp(followUp, format: format, language: Self.language(request)).response
    }

    /// `en` when the client prefers English (`Accept-Language`), else Italian.
    static func language(_ request: HTTPRequest) -> String {
        if let lang = request.queryItems["lang"], lang == "en" || lang == "it" { return lang }
        let accepted = request.headers["Accept-Language"]?.lowercased() ?? ""
        return accepted.hasPrefix("en") ? "en" : "it"
    }
}
