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
    /// 403 `results_hidden` before the workshop closes unless they are. Decided once per store
    /// generation, caller and audience (``ResultAccessCache``), so a cached ranking costs no store read.
    func access(_ request: HTTPRequest) throws -> (Workshop, facilitator: Bool) {
        let generation = context.store.changeGeneration
        let publicAudience = Viewer.requested(by: request) != nil
        let session = request.cookies[context.cookies.sessionName].flatMap(SecureToken.init)
        let key = ResultAccessKey(code: try request.parameter("code"), sessionDigest: session?.storageDigest, publicAudience: publicAudience)
        let now = Date()
        let decision: ResultAccess
        if let cached = context.resultAccess.value(for: key, generation: generation), cached.holds(at: now) {
            decision = cached
        } else {
            let workshop = try context.workshop(request)
            let facilitator = publicAudience ? nil : try context.facilitator(of: request)
            decision = ResultAccess(workshop: workshop, facilitator: facilitator != nil, validUntil: facilitator?.expiresAt)
            context.resultAccess.store(decision, for: key, generation: generation)
        }
        guard decision.facilitator || decision.workshop.phase.publishesResults else {
            throw APIError(.forbidden, code: "results_hidden", "Results are published when the workshop closes.")
        }
        return (decision.workshop, decision.facilitator)
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
    /// an `ETag`: `If-None-Match` with it answers 304. One language, numbers rounded, the `?view=`
    /// projection asked for (``RankingAnswer``).
    func ranking(_ request: HTTPRequest) async throws -> HTTPResponse {
        let view = try RankingView(query: request.queryItems["view"])
        // One cluster's ranking is not cached: the cache's key knows no cluster.
        if try ClusterFilter.requestedID(request) != nil {
            let ranking = try results(request).ranking(language: Self.language(request))
            return HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8",
                                body: RankingAnswer(ranking: ranking, view: view).bytes())
        }
        // Taken before any read, so whatever is read next is at least this fresh.
        let generation = context.store.changeGeneration
        let (workshop, facilitator) = try access(request)
        let language = Self.language(request)
        let weights = request.queryItems["weights"]
        let key = RankingKey(workshopID: workshop.id, weights: weights, language: language, facilitator: facilitator, view: view)
        if let answer = context.rankings.value(for: key, generation: generation) { return answer.response(to: request) }
        let results = try context.store.read { db in
            try WorkshopResults.load(workshop, weights: weights, audience: facilitator ? .facilitator : .anyone, in: db, ballots: context.ballotCache)
        }
        let answer = EncodedAnswer(RankingAnswer(ranking: results.ranking(language: language), view: view).bytes())
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
