import Testing
@testable import OfficinaHTTP

/// The router in-process, without a socket.
@Suite("Router")
struct RouterTests {
    func router() -> Router {
        var router = Router()
        router.get("/api/workshops/:code") { request in
            HTTPResponse(contentType: "text/plain", text: "workshop \(request.parameters["code"] ?? "")")
        }
        router.post("/api/workshops/:code/phase") { _ in HTTPResponse(status: .noContent) }
        router.get("/w/*") { request in HTTPResponse(contentType: "text/plain", text: "rest \(request.parameters["*"] ?? "")") }
        router.get("/page") { _ in HTTPResponse(contentType: "text/plain", text: "page") }
        return router
    }

    func text(_ response: HTTPResponse) -> String {
        if case .bytes(let bytes) = response.body { String(decoding: bytes, as: UTF8.self) } else { "" }
    }

    @Test("Path parameters and a trailing * are captured")
    func parameters() async {
        let router = router()
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/api/workshops/ACD347"))) == "workshop ACD347")
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/w/ACD347/extra"))) == "rest ACD347/extra")
    }

    @Test("A route without parameters answers the same however the path is spelled, and wins over :name")
    func literalRoutesMatchLikeTheTree() async {
        var router = Router()
        router.get("/api/workshops/:code") { request in HTTPResponse(contentType: "text/plain", text: "param \(request.parameters["code"] ?? "")") }
        router.get("/api/workshops/new") { _ in HTTPResponse(contentType: "text/plain", text: "literal") }
        router.get("/api/workshops/new") { _ in HTTPResponse(contentType: "text/plain", text: "second") }
        router.get("/") { _ in HTTPResponse(contentType: "text/plain", text: "root") }
        for path in ["/api/workshops/new", "//api/workshops/new", "/api/workshops/new/"] {
            #expect(text(await router.respond(to: HTTPRequest(method: .get, path: path))) == "literal", "\(path)")
            #expect(await router.respond(to: HTTPRequest(method: .head, path: path)).status == .ok, "\(path)")
        }
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/api/workshops/ACD347"))) == "param ACD347")
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/"))) == "root")
        let post = await router.respond(to: HTTPRequest(method: .post, path: "/api/workshops/new"))
        #expect(post.status == .methodNotAllowed)
    }

    @Test("A known path with another method answers 405 with Allow")
    func methodNotAllowed() async {
        let response = await router().respond(to: HTTPRequest(method: .delete, path: "/page"))
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
        #expect(response.headers["Content-Type"]?.hasPrefix("text/plain") == true)
    }

    @Test("Under /api/ the 404 and 405 answers use the JSON error shape")
    func jsonErrorsUnderAPI() async {
        let missing = await router().respond(to: HTTPRequest(method: .get, path: "/api/nothing"))
        #expect(missing.status == .notFound)
        #expect(missing.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(text(missing) == #"{"error":{"code":"not_found","message":"No route for /api/nothing"}}"#)
        let wrong = await router().respond(to: HTTPRequest(method: .put, path: "/api/workshops/X/phase"))
        #expect(wrong.status == .methodNotAllowed)
        #expect(wrong.headers["Allow"] == "POST")
        #expect(text(wrong).hasPrefix(#"{"error":{"code":"method_not_allowed""#))
    }

    @Test("Outside /api/ an unmatched path goes to the notFound fallback")
    func fallback() async {
        var router = router()
        router.notFound = { _ in HTTPResponse(contentType: "text/plain", text: "fallback") }
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/elsewhere"))) == "fallback")
        #expect(await router.respond(to: HTTPRequest(method: .get, path: "/api/x")).status == .notFound)
    }

    @Test("JSON error strings escape quotes and control characters")
    func jsonEscaping() {
        let response = HTTPResponse.jsonError(.badRequest, code: "bad", message: "say \"hi\"\n\u{1}")
        #expect(text(response) == #"{"error":{"code":"bad","message":"say \"hi\"\n\u0001"}}"#)
    }

    @Test("Immediate routes answer at once; async routes and middleware defer to respond(to:)")
    func immediateAnswers() {
        var router = router()
        router.immediate(.get, "/healthz") { _ in HTTPResponse(contentType: "application/json", text: "ok") }
        #expect(router.respondImmediately(to: HTTPRequest(method: .get, path: "/healthz")).map(text) == "ok")
        #expect(router.respondImmediately(to: HTTPRequest(method: .head, path: "/healthz")) != nil)
        #expect(router.respondImmediately(to: HTTPRequest(method: .get, path: "/page")) == nil)
        #expect(router.respondImmediately(to: HTTPRequest(method: .get, path: "/api/none"))?.status == .notFound)
        #expect(router.respondImmediately(to: HTTPRequest(method: .post, path: "/healthz"))?.status == .methodNotAllowed)
        #expect(router.respondImmediately(to: HTTPRequest(method: .get, path: "/elsewhere")) == nil)
        router.use(PassThrough())
        #expect(router.respondImmediately(to: HTTPRequest(method: .get, path: "/healthz")) == nil)
    }

    @Test("A literal segment wins over a parameter, whatever the order they were added in")
    func literalBeforeParameter() async {
        var router = Router()
        router.get("/api/proposals/:id") { request in HTTPResponse(contentType: "text/plain", text: "id \(request.parameters["id"] ?? "")") }
        router.get("/api/proposals/merged") { _ in HTTPResponse(contentType: "text/plain", text: "merged") }
        router.get("/api/programmes/:code/x") { request in HTTPResponse(contentType: "text/plain", text: "code \(request.parameters["code"] ?? "")") }
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/api/proposals/merged"))) == "merged")
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/api/proposals/7"))) == "id 7")
        #expect(text(await router.respond(to: HTTPRequest(method: .get, path: "/api/programmes/9/x"))) == "code 9")
        #expect(await router.respond(to: HTTPRequest(method: .get, path: "/api/proposals/7/more")).status == .notFound)
    }

    @Test("Routes added before and after use(), and the router's own 404 and 405, all pass through the middleware")
    func middlewareWrapsEverything() async {
        var router = router()
        router.use(Stamp())
        router.get("/later") { _ in HTTPResponse(contentType: "text/plain", text: "later") }
        for (method, path) in [(HTTPMethod.get, "/page"), (.get, "/later"), (.get, "/api/none"), (.delete, "/page"), (.get, "/elsewhere")] {
            let response = await router.respond(to: HTTPRequest(method: method, path: path))
            #expect(response.headers.values("X-Stamp") == ["1"], "\(method) \(path)")
        }
    }

    @Test("Behind immediate middleware an immediate route still answers at once, through the middleware")
    func immediateBehindImmediateMiddleware() {
        var router = router()
        router.immediate(.get, "/healthz") { _ in HTTPResponse(contentType: "application/json", text: "ok") }
        router.use(Stamp())
        let answer = router.respondImmediately(to: HTTPRequest(method: .get, path: "/healthz"))
        #expect(answer.map(text) == "ok")
        #expect(answer?.headers["X-Stamp"] == "1")
        #expect(router.respondImmediately(to: HTTPRequest(method: .get, path: "/page")) == nil)
        #expect(router.respondImmediately(to: HTTPRequest(method: .post, path: "/healthz"))?.headers["X-Stamp"] == "1")
    }

    /// Adds one `X-Stamp` header, on both paths.
    struct Stamp: ImmediateMiddleware {
        func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
            var response = await next.respond(to: request)
            response.headers.add("X-Stamp", "1")
            return response
        }

        func respondImmediately(to request: HTTPRequest, next: (HTTPRequest) -> HTTPResponse?) -> HTTPResponse? {
            guard var response = next(request) else { return nil }
            response.headers.add("X-Stamp", "1")
            return response
        }
    }

    struct PassThrough: HTTPMiddleware {
        func respond(to request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
            await next.respond(to: request)
        }
    }
}
