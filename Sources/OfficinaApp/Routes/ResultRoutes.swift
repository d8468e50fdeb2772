import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// The ranking and the exports: facilitators always, anyone once the workshop is closed.
struct ResultRoutes {
    let context: AppContext

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/ranking", ranking, immediate: cachedRanking)
        routes.get("/api/workshops/:code/export", export)
    }

    /// The workshop and whether the caller is served as a facilitator (`?audience=public` is not);
    /// 403 `results_hidden` before the workshop closes unless they are. Decided once per store
    /// generation, caller and audience (``ResultAccessCache``), so a cached ranking costs no store read.
    func access(_ request: HTTPRequest, query: [String: String]? = nil) throws -> (Workshop, facilitator: Bool) {
        let generation = context.store.changeGeneration
        let publicAudience = (query ?? request.queryItems)["audience"] == "public"
        let key = ResultAccessKey(
            code: try request.parameter("code"), sessionCookie: request.cookies[context.cookies.sessionName], publicAudience: publicAudience)
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

    /// The cached answer when both the caller's access and the ranking are cached for the current
    /// generation, else nil: answered on the I/O thread (two locks and dictionaries, no store read),
    /// or by ``ranking(_:)`` in a task when nil, which also gives every error its answer.
    func cachedRanking(_ request: HTTPRequest) -> HTTPResponse? {
        let generation = context.store.changeGeneration
        let query = request.queryItems
        guard query["cluster"]?.isEmpty != false, let view = try? RankingView(query: query["view"]),
              let code = request.parameters["code"] else { return nil }
        let accessKey = ResultAccessKey(
            code: code, sessionCookie: request.cookies[context.cookies.sessionName], publicAudience: query["audience"] == "public")
        guard let access = context.resultAccess.value(for: accessKey, generation: generation), access.holds(at: Date()),
              access.facilitator || access.workshop.phase.publishesResults else { return nil }
        let key = RankingKey(
            workshopID: access.workshop.id, weights: query["weights"], language: Self.language(request, query: query),
            facilitator: access.facilitator, view: view)
        return context.rankings.value(for: key, generation: generation)?.immediateResponse(to: request)
    }

    /// The ranking, from ``RankingCache`` while no write has committed since it was computed, with
    /// an `ETag`: `If-None-Match` with it answers 304. One language, numbers rounded, the `?view=`
    /// projection asked for (``RankingAnswer``).
    func ranking(_ request: HTTPRequest) async throws -> HTTPResponse {
        // Parsed once: a cached answer costs little more than this and the access check.
        let query = request.queryItems
        let view = try RankingView(query: query["view"])
        // One cluster's ranking is not cached: the cache's key knows no cluster.
        if query["cluster"]?.isEmpty == false, try ClusterFilter.requestedID(request) != nil {
            let ranking = try results(request).ranking(language: Self.language(request))
            return HTTPResponse(status: .ok, contentType: "application/json; charset=utf-8",
                                body: RankingAnswer(ranking: ranking, view: view).bytes())
        }
        // Taken before any read, so whatever is read next is at least this fresh.
        let generation = context.store.changeGeneration
        let (workshop, facilitator) = try access(request, query: query)
        let language = Self.language(request, query: query)
        let weights = query["weights"]
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
    static func language(_ request: HTTPRequest, query: [String: String]? = nil) -> String {
        if let lang = (query ?? request.queryItems)["lang"], lang == "en" || lang == "it" { return lang }
        let accepted = request.headers["Accept-Language"]?.lowercased() ?? ""
        return accepted.hasPrefix("en") ? "en" : "it"
    }
}
