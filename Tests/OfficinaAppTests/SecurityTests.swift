import Foundation
import OfficinaCore
import Testing
@testable import OfficinaApp

/// Cross-site requests, security headers, cookie flags, brute-force and flood limits, the
/// first-run setup link, and errors that never leak internals.
@Suite(.timeLimit(.minutes(10))) struct SecurityTests {
    @Test func crossSiteRequestForgeryIsRefusedWithOrigin() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/proposals"
            let body: JSONValue = ["title": "Forgiata"]
            let evil = try await f.author.request("POST", path, body: body.bytes, origin: "https://evil.example")
            #expect(evil.status == 403)
            #expect(evil.errorCode == "origin")
            let missing = try await f.author.request("POST", path, body: body.bytes, origin: nil)
            #expect(missing.errorCode == "origin")
            let nullOrigin = try await f.author.request("POST", path, body: body.bytes, origin: "null")
            #expect(nullOrigin.errorCode == "origin")
            let lookalike = try await f.author.request("POST", path, body: body.bytes, origin: "http://127.0.0.1:\(server.port).evil.example")
            #expect(lookalike.errorCode == "origin")
            let referer = try await f.author.request(
                "POST", path, body: body.bytes, headers: [("Referer", "http://127.0.0.1:\(server.port)/w/\(f.code)")], origin: nil)
            #expect(referer.status == 201)
            let logoutForgery = try await f.facilitator.request("DELETE", "/api/session", origin: "https://evil.example")
            #expect(logoutForgery.status == 403)
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/stats").status == 200)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withServer { server in
            let browser = server.browser()
            for path in ["/", "/healthz", "/api/programmes", "/api/nothing-here", "/w/ABCDEF"] {
                let response = try await browser.get(path)
                let policy = try #require(response.header("Content-Security-Policy"), "\(path)")
                for directive in ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"] {
                    #expect(policy.contains(directive), "\(path): \(directive)")
                }
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.header("X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.header("Referrer-Policy") != nil, "\(path)")
            }
            #expect(try await browser.get("/api/programmes").header("Cache-Control") == "no-store")
        }
    }

    @Test func cookiesAreHttpOnlyAndLax() async throws {
        try await withServer { server in
            let browser = server.browser()
            let login = try await browser.post("/api/session", ["username": .string(TestServer.username), "password": .string(TestServer.password)])
            let cookie = try #require(login.header("Set-Cookie"))
            #expect(cookie.hasPrefix("officina_session="))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"))
            #expect(!cookie.contains("Secure"))
            let token = try #require(browser.cookies["officina_session"])
            #expect(token.count == 43)
            // The store keeps only the token's hash.
            let stored = try server.store.read { db in try db.query("SELECT token_hash FROM sessions", []) { $0.text(0) } }
            #expect(!stored.contains(token) && stored.count == 1)
        }
    }

    @Test func secureCookiesUseTheHostPrefix() async throws {
        try await withServer(configure: { $0.secureCookies = true }) { server in
            let browser = server.browser()
            // Served over TLS, the page's origin is https.
            let login = try await browser.post("/api/session", ["username": .string(TestServer.username), "password": .string(TestServer.password)],
                                               origin: "https://127.0.0.1:\(server.port)")
            let cookie = try #require(login.header("Set-Cookie"))
            #expect(cookie.hasPrefix("__Host-officina_session="))
            #expect(cookie.contains("; Secure"))
            #expect(!cookie.contains("Domain"))
        }
    }

    @Test func passwordGuessingFromOneAddressIsSlowedDown() async throws {
        // An allowance that refills once an hour: on a slow machine (ThreadSanitizer) the four tries may
        // span seconds, and the default refill (one every 12 s) would hand a try back mid-test.
        try await withServer(configure: { $0.loginBurst = 3; $0.loginRefillPerSecond = 1.0 / 3600 }) { server in
            let browser = server.browser()
            for _ in 0..<3 {
                let wrong = try await browser.post("/api/session", ["username": .string(TestServer.username), "password": "wrong password"])
                #expect(wrong.status == 401)
                #expect(wrong.errorCode == "credentials")
            }
            let limited = try await browser.post("/api/session", ["username": .string(TestServer.username), "password": .string(TestServer.password)])
            #expect(limited.status == 429)
            #expect(Int(limited.header("Retry-After") ?? "") ?? 0 >= 1)
            // The same account from another browser on this address is throttled too; another username
            // from the address has its own allowance (LoginThrottle: per address and username).
            let sameAccount = try await server.browser().post("/api/session", ["username": .string(TestServer.username), "password": "whatever1"])
            #expect(sameAccount.status == 429)
            let unknownUser = try await server.browser().post("/api/session", ["username": "nobody", "password": "whatever1"])
            #expect(unknownUser.status == 401)
        }
    }

    @Test func aFloodOfJoinsFromOneAddressIsLimited() async throws {
        try await withServer(configure: { $0.joinBurst = 4; $0.joinRefillPerSecond = 0.0001 }) { server in
            let code = try server.seededCode()
            let facilitator = try await server.facilitator()
            try await facilitator.post("/api/workshops/\(code)/phase", ["phase": "collecting"])
            var statuses: [Int] = []
            for index in 0..<6 {
                statuses.append(try await server.browser().post("/api/join", ["code": .string(code), "name": .string("Bot \(index)")]).status)
            }
            #expect(statuses == [201, 201, 201, 201, 429, 429])
        }
    }

    @Test func theOneTimeSetupLinkCreatesTheFirstFacilitatorOnce() async throws {
        try await withServer { server in
            // The test server has a facilitator; remove it to be on a first run.
            _ = try server.store.writeBlocking { try $0.execute("DELETE FROM facilitators") }
            let link = try #require(try server.application.prepareSetupLink(baseURL: "http://127.0.0.1:\(server.port)"))
            let token = try #require(link.split(separator: "=").last.map(String.init))
            #expect(link.contains("/console?setup="))
            let browser = server.browser()
            let weak = try await browser.post("/api/setup", ["token": .string(token), "username": "giulia", "password": "short"])
            #expect(weak.status == 422)
            let created = try await browser.post("/api/setup", ["token": .string(token), "username": "giulia", "password": "a long passphrase"])
            #expect(created.status == 201)
            #expect(browser.cookies["officina_session"] != nil)
            let me = try await browser.get("/api/me")
            #expect(me.json["facilitator"]?["username"] == "giulia")
            let again = try await server.browser().post("/api/setup", ["token": .string(token), "username": "mallory", "password": "another passphrase"])
            #expect(again.status == 403)
            #expect(try await server.browser().post("/api/session", ["username": "giulia", "password": "a long passphrase"]).status == 200)
        }
    }

    @Test func errorsNeverLeakSQLOrStackTraces() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let responses = [
                try await f.author.send("POST", "/api/workshops/\(f.code)/proposals", raw: "{\"title\": \"x\", \"goals\": [\"space\"],}"),
                try await f.author.get("/api/proposals/abc"),
                try await f.facilitator.post("/api/proposals/\(f.proposalID)/merge", ["into": 9_007_199_254_740_991]),
                try await f.author.get("/api/workshops/%00%27%22/ballot"),
            ]
            for response in responses {
                #expect(response.status >= 400 && response.status < 500, "\(response)")
                for leak in ["SELECT", "INSERT", "sqlite", "Swift", ".swift", "Fatal"] {
                    #expect(!response.text.contains(leak), "\(response)")
                }
            }
        }
    }

    @Test func aBurstOfLoginsDoesNotStallVoting() async throws {
        try await withServer(configure: { $0.pbkdf2Iterations = 10_000; $0.loginBurst = 100 }) { server in
            let f = try await Fixture.make(server, phase: "voting")
            // Ten logins at a real cost (10,000 iterations each in a debug build: about what 600,000
            // cost in release, and still bounded under ThreadSanitizer, which slows hashing ~50-fold).
            let hash = try PasswordHash.create(password: "a long passphrase", iterations: 10_000).encoded
            _ = try server.store.writeBlocking { try $0.facilitators.create(username: "busy", passwordHash: hash) }
            let logins = Task {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<10 {
                        group.addTask { try await server.browser().post("/api/session", ["username": "busy", "password": "a long passphrase"]).status }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            try await Task.sleep(for: .milliseconds(50))
            let start = Date()
            let ballot = try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]])
            let elapsed = Date().timeIntervalSince(start)
            #expect(ballot.status == 200)
            // Liveness, not speed (a loaded machine must not flake): the measured figure is printed
            // for the record (target: under 1 s), never asserted.
            #expect(elapsed < 10, "a ballot took \(elapsed) s during a burst of logins")
            print("figure: a ballot during a burst of 10 logins took \(Int(elapsed * 1000)) ms")
            let statuses = try await logins.value
            #expect(statuses.allSatisfy { $0 == 200 || $0 == 503 })
            #expect(statuses.contains(200))
        }
    }

    @Test func aDatabaseThatCannotWriteAnswers503WithRetryAfterAndNoDetails() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            server.store.close()
            let response = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Dopo la chiusura"])
            #expect(response.status == 503)
            #expect(response.errorCode == "unavailable")
            #expect(response.header("Retry-After") != nil)
            // Nothing of the store's own error ("the store is closed", SQLite's words) reaches the client.
            let text = response.text.lowercased()
            #expect(!text.contains("closed"))
            #expect(!text.contains("sqlite"))
            #expect(!text.contains("store"))
        }
    }
}
