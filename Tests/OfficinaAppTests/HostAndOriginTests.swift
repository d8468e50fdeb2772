import Foundation
import Testing
@testable import OfficinaApp

/// DNS rebinding and cross-origin writes (issue 10, Low; issue 16, boundaries): with `--public-url`
/// only its host and loopback are served; the Origin check compares scheme, host and port; links use
/// the public URL, or the bound port when `--port 0` and no usable `Host`.
@Suite struct HostAndOriginTests {
    static let publicURL = "https://officina.example.org"

    @Test func withAPublicURLARebindingHostIsRefusedAndCannotWrite() async throws {
        try await withServer(configure: { $0.publicURL = Self.publicURL }) { server in
            let f = try await Fixture.make(server)
            let evil = try await f.author.request("POST", "/api/workshops/\(f.code)/proposals", body: (["title": "Rebound"] as JSONValue).bytes,
                                                  headers: [("Host", "evil.example")], origin: "http://evil.example")
            #expect(evil.status == 421)
            #expect(evil.errorCode == "host")
            let read = try await f.anonymous.request("GET", "/api/workshops/\(f.code)", headers: [("Host", "evil.example:\(server.port)")])
            #expect(read.status == 421)
            #expect(!read.text.contains(f.code))
            #expect(try await f.anonymous.request("GET", "/healthz", headers: [("Host", "evil.example")]).status == 200)
            for host in ["officina.example.org", "localhost:\(server.port)", "127.0.0.1:\(server.port)", "[::1]:\(server.port)"] {
                #expect(try await f.anonymous.request("GET", "/api/workshops/\(f.code)", headers: [("Host", host)]).status == 200, "\(host)")
            }
        }
    }

    @Test func joinLinksCarryThePublicURLWhateverTheHost() async throws {
        try await withServer(configure: { $0.publicURL = Self.publicURL }) { server in
            let f = try await Fixture.make(server)
            let workshop = try await f.anonymous.request("GET", "/api/workshops/\(f.code)", headers: [("Host", "localhost:\(server.port)")])
            #expect(workshop.json["joinUrl"]?.stringValue == "\(Self.publicURL)/w/\(f.code)")
        }
    }

    @Test func anOriginFromAnotherPortOrSchemeIsRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/proposals"
            let body = (["title": "Da un'altra porta"] as JSONValue).bytes
            for origin in ["http://127.0.0.1:\(server.port + 1)", "https://127.0.0.1:\(server.port)", "http://127.0.0.1", "http://localhost:\(server.port)"] {
                let response = try await f.author.request("POST", path, body: body, origin: origin)
                #expect(response.status == 403, "\(origin)")
                #expect(response.errorCode == "origin", "\(origin)")
            }
            let referer = try await f.author.request("POST", path, body: body, headers: [("Referer", "http://127.0.0.1:\(server.port + 1)/w/\(f.code)")],
                                                     origin: nil)
            #expect(referer.errorCode == "origin")
            #expect(try await f.author.request("POST", path, body: body).status == 201)
        }
    }

    @Test func anOriginIsAcceptedThroughThePublicURLOnlyWithItsSchemeAndPort() async throws {
        try await withServer(configure: { $0.publicURL = Self.publicURL }) { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/proposals"
            let body = (["title": "Tramite il proxy"] as JSONValue).bytes
            // Behind the TLS proxy the request arrives with the proxy's Host and the browser's Origin.
            let proxied = try await f.author.request("POST", path, body: body, origin: Self.publicURL)
            #expect(proxied.status == 201)
            for origin in ["http://officina.example.org", "https://officina.example.org:8443", "https://evil.example.org"] {
                let response = try await f.author.request("POST", path, body: body, origin: origin)
                #expect(response.status == 403, "\(origin)")
            }
        }
    }

    @Test func withPortZeroTheFallbackLinkUsesTheBoundPort() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            #expect(server.application.context.configuration.port == 0)
            let workshop = try await f.anonymous.request("GET", "/api/workshops/\(f.code)", headers: [("Host", "not_a_host")])
            #expect(workshop.json["joinUrl"]?.stringValue == "http://127.0.0.1:\(server.port)/w/\(f.code)")
        }
    }

    @Test func originsCompareSchemeHostAndPort() {
        #expect(WebOrigin("http://Example.org:80/x") == WebOrigin("http://example.org"))
        #expect(WebOrigin("https://example.org:443") == WebOrigin("https://example.org/"))
        #expect(WebOrigin("https://example.org:80") != WebOrigin("http://example.org"))
        #expect(WebOrigin("http://example.org:8081") != WebOrigin("http://example.org:8080"))
        #expect(WebOrigin("http://[::1]:8080")?.isLoopback == true)
        #expect(WebOrigin("http://127.8.9.10")?.isLoopback == true)
        #expect(WebOrigin("http://localhost.evil.example")?.isLoopback == false)
        for bad in ["null", "ftp://example.org", "http://user@example.org", "http://example.org:0", "http://example.org:99999", "http://"] {
            #expect(WebOrigin(bad) == nil, "\(bad)")
        }
    }
}
