import Foundation
import Testing
@testable import OfficinaApp

/// `/healthz`, `/metrics`, `/api/openapi.json`, pages, and JSON 404/405 under `/api/`.
@Suite(.timeLimit(.minutes(10))) struct OperationsTests {
    @Test func healthzAnswersOK() async throws {
        try await withServer { server in
            let response = try await server.browser().get("/healthz")
            #expect(response.status == 200)
            #expect(response.json == ["status": "ok"])
        }
    }

    @Test func metricsCountRequestsByRouteBallotsAndStreams() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events")
            defer { stream.close() }
            #expect(await stream.wait { !$0.isEmpty })
            try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]])
            let metrics = try await server.browser().get("/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.header("Content-Type")?.hasPrefix("text/plain") == true)
            let text = metrics.text
            #expect(text.contains(#"officina_http_requests_total{method="PUT",route="/api/workshops/:code/ballot",status="200"} 1"#))
            #expect(text.contains("officina_http_request_duration_seconds_bucket{le=\"+Inf\"}"))
            #expect(text.contains("officina_ballots_written_total 1"))
            #expect(text.contains("officina_live_streams 1"))
            let writes = text.split(separator: "\n").first { $0.hasPrefix("officina_db_writes_total ") }
            #expect((writes?.split(separator: " ").last.flatMap { Int($0) } ?? 0) > 0)
            #expect(text.contains("officina_db_write_transactions_total"))
        }
    }

    /// Each answer is counted under the route that made it (``HTTPResponse/route``): answers made on
    /// the I/O thread, static files, a route's own errors; `unmatched` when no route answered. The
    /// counts of every I/O thread are added up.
    @Test func metricsNameTheRouteOfImmediateStaticErrorAndUnmatchedAnswers() async throws {
        try await withServer { server in
            for _ in 0..<5 { #expect(try await server.browser().get("/healthz").status == 200) }
            #expect(try await server.browser().get("/index.html").status == 200)
            #expect(try await server.browser().get("/api/workshops/ZZZZZZ").status == 404)
            #expect(try await server.browser().get("/api/no-such-thing").status == 404)
            let text = try await server.browser().get("/metrics").text
            #expect(text.contains(#"officina_http_requests_total{method="GET",route="/healthz",status="200"} 5"#))
            #expect(text.contains(#"officina_http_requests_total{method="GET",route="static",status="200"} 1"#))
            #expect(text.contains(#"officina_http_requests_total{method="GET",route="/api/workshops/:code",status="404"} 1"#))
            #expect(text.contains(#"officina_http_requests_total{method="GET",route="unmatched",status="404"} 1"#))
            let count = text.split(separator: "\n").first { $0.hasPrefix("officina_http_request_duration_seconds_count ") }
            #expect(count.flatMap { $0.split(separator: " ").last }.flatMap { Int($0) } == 8)
        }
    }

    @Test func everyRouteIsInTheOpenAPIDocument() async throws {
        try await withServer { server in
            let response = try await server.browser().get("/api/openapi.json")
            #expect(response.status == 200)
            #expect(response.json["openapi"] == "3.1.0")
            let paths = try #require(response.json["paths"])
            let routes = server.application.routes.filter { $0.1.hasPrefix("/api/") || $0.1 == "/healthz" || $0.1 == "/metrics" }
            // Not vacuous: the API has dozens of routes; an empty route list must fail, not pass.
            #expect(routes.count >= 30, "only \(routes.count) routes to check")
            #expect(routes.contains { $0.0 == "PUT" && $0.1 == "/api/workshops/:code/ballot" })
            for (method, pattern) in routes {
                let templated = pattern.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                let operation = paths["/" + templated]?[method.lowercased()]
                #expect(operation != nil, "\(method) \(pattern) is not documented")
                #expect(operation?["responses"]?["default"] != nil, "\(method) \(pattern) has no error response")
            }
        }
    }

    @Test func everySchemaReferenceResolves() throws {
        let document = OpenAPIDocument.json
        let schemas = try #require(document["components"]?["schemas"])
        var references: [String] = []
        func collect(_ value: JSONValue) {
            switch value {
            case let .object(members):
                for (key, member) in members {
                    if key == "$ref", let text = member.stringValue { references.append(text) }
                    collect(member)
                }
            case let .array(values): values.forEach(collect)
            default: break
            }
        }
        collect(document)
        #expect(!references.isEmpty)
        for reference in references {
            let name = String(reference.dropFirst("#/components/schemas/".count))
            #expect(schemas[name] != nil, "\(reference)")
        }
    }

    @Test func pagesAreServedFromTheWebFolder() async throws {
        try await withServer { server in
            let browser = server.browser()
            for (path, title) in [("/", "index"), ("/w/ACD347", "participant"), ("/console", "console"), ("/screen/ACD347", "screen")] {
                let page = try await browser.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(page.text.contains("<title>\(title)</title>"), "\(path)")
                #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
            }
            #expect(try await browser.get("/index.html").status == 200)
            let escape = try await browser.get("/../officina.db").status
            #expect(escape == 400 || escape == 404)
        }
    }

    @Test func unknownAPIPathsAndMethodsAnswerJSON() async throws {
        try await withServer { server in
            let browser = server.browser()
            let missing = try await browser.get("/api/nothing")
            #expect(missing.status == 404)
            #expect(missing.errorCode == "not_found")
            let wrongMethod = try await browser.request("DELETE", "/api/programmes")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.errorCode == "method_not_allowed")
            #expect(wrongMethod.header("Allow")?.contains("GET") == true)
            #expect(try await browser.get("/api/workshops/NOPE99").errorCode == "not_found")
            #expect(try await browser.get("/api/proposals/abc").status == 405)
        }
    }
}
