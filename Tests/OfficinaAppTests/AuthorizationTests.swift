import Foundation
import Testing
import OfficinaStore
@testable import OfficinaApp

/// Who may call what, endpoint by endpoint: anonymous callers, participants of another
/// workshop, participants acting on another's proposal, participants calling facilitator endpoints.
@Suite(.timeLimit(.minutes(10))) struct AuthorizationTests {
    /// Every facilitator-only endpoint, with a body that would be valid for a facilitator.
    static func facilitatorEndpoints(_ f: Fixture) -> [(String, String, JSONValue?)] {
        [
            ("POST", "/api/programmes", ["title": ["it": "P"], "goals": [["key": "space", "label": ["it": "Spazio"]]]]),
            ("PATCH", "/api/programmes/1", ["title": ["it": "Nuovo"]]),
            ("GET", "/api/programmes/1/overview", nil),
            ("GET", "/api/programmes/1/export?format=json", nil),
            ("POST", "/api/programmes/1/workshops", ["theme": "design", "title": ["it": "Nuovo"]]),
            ("PATCH", "/api/workshops/\(f.code)", ["title": ["it": "Rinominato"]]),
            ("POST", "/api/workshops/\(f.code)/phase", ["phase": "voting"]),
            ("GET", "/api/workshops/\(f.code)/phases", nil),
            ("GET", "/api/workshops/\(f.code)/stats", nil),
            ("POST", "/api/workshops/\(f.code)/access-codes", ["count": 2]),
            ("GET", "/api/workshops/\(f.code)/access-codes/tickets", nil),
            ("POST", "/api/proposals/\(f.proposalID)/merge", ["into": 999]),
            ("POST", "/api/proposals/\(f.proposalID)/unmerge", nil),
            ("GET", "/api/workshops/\(f.code)/merges", nil),
        ]
    }

    @Test func anonymousCallersGetUnauthenticatedOnEveryFacilitatorEndpoint() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for (method, path, body) in Self.facilitatorEndpoints(f) {
                let response = try await f.anonymous.request(method, path, body: body?.bytes)
                #expect(response.status == 401, "\(method) \(path): \(response)")
                #expect(response.errorCode == "unauthenticated", "\(method) \(path)")
            }
        }
    }

    @Test func participantsCallingFacilitatorEndpointsAreRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for (method, path, body) in Self.facilitatorEndpoints(f) {
                let response = try await f.author.request(method, path, body: body?.bytes)
                #expect(response.status == 401, "\(method) \(path): \(response)")
            }
            // Nothing changed behind the refusals.
            let workshop = try await f.anonymous.get("/api/workshops/\(f.code)")
            #expect(workshop.json["phase"] == "collecting")
            #expect(workshop.json["title"]?["it"] != "Rinominato")
        }
    }

    @Test func anonymousCallersCannotActAsParticipants() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let attempts: [(String, String, JSONValue?)] = [
                ("POST", "/api/workshops/\(f.code)/proposals", ["title": "Anonima"]),
                ("PATCH", "/api/proposals/\(f.proposalID)", ["title": "Cambiata"]),
                ("POST", "/api/proposals/\(f.proposalID)/buildons", ["text": "Anche io"]),
                ("GET", "/api/workshops/\(f.code)/ballot", nil),
                ("PUT", "/api/workshops/\(f.code)/ballot", ["support": [:]]),
            ]
            for (method, path, body) in attempts {
                let response = try await f.anonymous.request(method, path, body: body?.bytes)
                #expect(response.status == 403, "\(method) \(path): \(response)")
                #expect(response.errorCode == "not_participant", "\(method) \(path)")
            }
        }
    }

    @Test func aParticipantOfAnotherWorkshopCannotActInThisOne() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let attempts: [(String, String, JSONValue?)] = [
                ("POST", "/api/workshops/\(f.code)/proposals", ["title": "Intrusa"]),
                ("PATCH", "/api/proposals/\(f.proposalID)", ["title": "Cambiata"]),
                ("POST", "/api/proposals/\(f.proposalID)/buildons", ["text": "Da fuori"]),
                ("GET", "/api/workshops/\(f.code)/ballot", nil),
                ("PUT", "/api/workshops/\(f.code)/ballot", ["support": [:]]),
            ]
            for (method, path, body) in attempts {
                let response = try await f.outsider.request(method, path, body: body?.bytes)
                #expect(response.status == 403, "\(method) \(path): \(response)")
            }
            let me = try await f.outsider.get("/api/me?code=\(f.code)")
            #expect(me.json["participant"] == .null)
        }
    }

    @Test func aParticipantCannotEditOrHideAnotherParticipantsProposal() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let edit = try await f.reader.patch("/api/proposals/\(f.proposalID)", ["title": "Presa in prestito"])
            #expect(edit.status == 403)
            #expect(edit.errorCode == "forbidden")
            let hide = try await f.author.patch("/api/proposals/\(f.proposalID)", ["status": "hidden"])
            #expect(hide.status == 403)
            #expect(hide.errorField == "status")
            let own = try await f.author.patch("/api/proposals/\(f.proposalID)", ["title": "Biblioteca degli attrezzi condivisa"])
            #expect(own.status == 200)
            #expect(own.json["title"] == "Biblioteca degli attrezzi condivisa")
        }
    }

    @Test func resultsStayWithTheFacilitatorUntilTheWorkshopCloses() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            for browser in [f.anonymous, f.author, f.outsider] {
                for path in ["/api/workshops/\(f.code)/ranking", "/api/workshops/\(f.code)/export?format=json"] {
                    let response = try await browser.get(path)
                    #expect(response.status == 403, "\(path): \(response)")
                    #expect(response.errorCode == "results_hidden")
                }
            }
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/ranking").status == 200)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            #expect(try await f.anonymous.get("/api/workshops/\(f.code)/ranking").status == 200)
            #expect(try await f.anonymous.get("/api/workshops/\(f.code)/export?format=json").status == 200)
        }
    }

    @Test func hiddenProposalsAreShownOnlyToFacilitatorsAndTheirAuthor() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            #expect(try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "hidden"]).status == 200)
            let forReader = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(forReader.json["proposals"]?.arrayValue?.isEmpty == true)
            let forAnonymous = try await f.anonymous.get("/api/workshops/\(f.code)/proposals")
            #expect(forAnonymous.json["proposals"]?.arrayValue?.isEmpty == true)
            let forFacilitator = try await f.facilitator.get("/api/workshops/\(f.code)/proposals")
            #expect(forFacilitator.json["proposals"]?.arrayValue?.first?["status"] == "hidden")
            let forAuthor = try await f.author.get("/api/workshops/\(f.code)/proposals")
            #expect(forAuthor.json["proposals"]?.arrayValue?.first?["title"] == "Biblioteca degli attrezzi")
        }
    }

    @Test func anAnonymousWorkshopHidesAuthorsFromParticipantsButNotFromFacilitators() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["anonymous": true]])
            let forReader = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(forReader.json["proposals"]?.arrayValue?.first?["author"] == .null)
            let forAuthor = try await f.author.get("/api/workshops/\(f.code)/proposals")
            #expect(forAuthor.json["proposals"]?.arrayValue?.first?["author"]?["name"] == "Author")
            let forFacilitator = try await f.facilitator.get("/api/workshops/\(f.code)/proposals")
            #expect(forFacilitator.json["proposals"]?.arrayValue?.first?["author"]?["name"] == "Author")
        }
    }

    @Test func loggingOutEndsTheSession() async throws {
        try await withServer { server in
            let facilitator = try await server.facilitator()
            let token = try #require(facilitator.cookies["officina_session"])
            #expect(try await facilitator.get("/api/workshops/\(try server.seededCode())/stats").status == 200)
            let logout = try await facilitator.delete("/api/session")
            #expect(logout.status == 204)
            #expect(facilitator.cookies["officina_session"] == nil)
            // Replaying the old cookie does not work either: the session is gone from the store.
            facilitator.setCookie("officina_session", token)
            #expect(try await facilitator.get("/api/workshops/\(try server.seededCode())/stats").status == 401)
        }
    }

    @Test func anExpiredSessionIsRefused() async throws {
        try await withServer { server in
            let facilitator = try await server.facilitator()
            let stats = "/api/workshops/\(try server.seededCode())/stats"
            // The session works first, so the 401 below is the expiry and not a session that never was.
            #expect(try await facilitator.get(stats).status == 200)
            // Its expiry then passes: moved into the past in the store, so no test waits on a clock.
            let moved = try server.store.writeBlocking { db in
                try db.execute("UPDATE sessions SET expires_at = ?", [Date().addingTimeInterval(-1)])
                return db.changes
            }
            #expect(moved == 1)
            #expect(try await facilitator.get(stats).status == 401)
        }
    }
}
