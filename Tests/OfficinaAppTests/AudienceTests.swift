import Foundation
import Testing
@testable import OfficinaApp

/// Issue 10, Medium 3 and 7: what a facilitator hid stays hidden from everyone else, everywhere
/// (ranking, exports, lists, live events), and the projector is a public screen even when it is
/// opened with a facilitator's cookie. One rule decides it: `Viewer+Audience`.
@Suite struct AudienceTests {
    static let secrets = ["TITOLO-NASCOSTO", "CORPO-NASCOSTO", "SVILUPPO-NASCOSTO", "TITOLO-UNITO-DA-NASCOSTO"]

    /// A closed workshop with a visible proposal, a hidden one (with body and build-on) and one
    /// hidden then merged into the visible one; every secret text is in the facilitator's ranking.
    static func closedWithHiddenText(_ server: TestServer) async throws -> Fixture {
        let f = try await Fixture.make(server)
        let hidden = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "TITOLO-NASCOSTO", "body": "CORPO-NASCOSTO"])
        let hiddenID = Int64(try #require(hidden.json["id"]?.doubleValue))
        #expect(try await f.author.post("/api/proposals/\(hiddenID)/buildons", ["text": "SVILUPPO-NASCOSTO"]).status == 201)
        let merged = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "TITOLO-UNITO-DA-NASCOSTO"])
        let mergedID = Int64(try #require(merged.json["id"]?.doubleValue))
        for id in [hiddenID, mergedID] {
            #expect(try await f.facilitator.patch("/api/proposals/\(id)", ["status": "hidden"]).status == 200)
        }
        #expect(try await f.facilitator.post("/api/proposals/\(mergedID)/merge", ["into": .integer(f.proposalID)]).status == 200)
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
        // The facilitator still reads all of it: the checks below can fail.
        let full = try await f.facilitator.get("/api/workshops/\(f.code)/ranking")
        #expect(full.text.contains("TITOLO-NASCOSTO") && full.text.contains("TITOLO-UNITO-DA-NASCOSTO"))
        return f
    }

    @Test func hiddenProposalsTextNeverReachesThePublicAfterCloseInTheRankingOrAnyExport() async throws {
        try await withServer { server in
            let f = try await Self.closedWithHiddenText(server)
            var pages: [(String, TestResponse)] = []
            for (who, browser) in [("anonymous", f.anonymous), ("participant", f.author), ("projector", f.facilitator)] {
                let query = who == "projector" ? "?audience=public" : ""
                let join = query.isEmpty ? "?" : "&"
                pages.append(("\(who) ranking", try await browser.get("/api/workshops/\(f.code)/ranking\(query)")))
                pages.append(("\(who) proposals", try await browser.get("/api/workshops/\(f.code)/proposals\(query)")))
                for format in ["html", "csv", "json"] {
                    pages.append(("\(who) \(format)", try await browser.get("/api/workshops/\(f.code)/export\(query)\(join)format=\(format)")))
                }
            }
            for (name, page) in pages {
                #expect(page.status == 200, "\(name): \(page)")
                for secret in Self.secrets { #expect(!page.text.contains(secret), "\(name) shows \(secret)") }
            }
            // The public still learns that something was left out: a count, no text.
            let ranking = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            #expect(ranking.json["excluded"]?.arrayValue?.count == 2)
            #expect(ranking.json["excluded"]?.arrayValue?.allSatisfy { $0["title"] == "" } == true)
            // The programme's files are for facilitators only.
            #expect(try await f.anonymous.get("/api/programmes/1/export?format=csv").status == 401)
        }
    }

    @Test func aHiddenThenMergedProposalsLiveEventCarriesNoTextToThePublic() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let created = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "TITOLO-NASCOSTO", "body": "CORPO-NASCOSTO"])
            let id = Int64(try #require(created.json["id"]?.doubleValue))
            #expect(try await f.facilitator.patch("/api/proposals/\(id)", ["status": "hidden"]).status == 200)
            let merged = try await f.facilitator.post("/api/proposals/\(id)/merge", ["into": .integer(f.proposalID)])
            #expect(merged.status == 200)
            let thread = try #require(try server.store.read { try $0.proposals.thread(id: id) })
            let workshop = try #require(try server.store.read { try $0.workshops.find(id: thread.proposal.workshopID) })
            let view = ProposalView(thread: thread, workshopCode: f.code, settings: workshop.settings, phase: workshop.phase, tally: nil)
            #expect(view.event.public["title"] == "" && view.event.public["body"] == "")
            #expect(view.event.facilitator["title"] == "TITOLO-NASCOSTO")
        }
    }

    @Test func aStreamResumedFromTheStartNeverReplaysTheTextOfAProposalHiddenSince() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let created = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "TITOLO-NASCOSTO", "body": "CORPO-NASCOSTO"])
            let id = Int64(try #require(created.json["id"]?.doubleValue))
            #expect(try await f.author.post("/api/proposals/\(id)/buildons", ["text": "SVILUPPO-NASCOSTO"]).status == 201)
            #expect(try await f.facilitator.patch("/api/proposals/\(id)", ["status": "hidden"]).status == 200)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", lastEventID: "0")
            defer { stream.close() }
            #expect(await stream.wait { events in events.filter { $0.name == "proposal" }.count >= 3 })
            for event in stream.events {
                for secret in Self.secrets { #expect(!event.data.contains(secret), "\(event.name) \(event.data)") }
            }
            // A facilitator resuming the same way still gets the text.
            let full = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.facilitator.cookies, lastEventID: "0")
            defer { full.close() }
            #expect(await full.wait { events in events.contains { $0.data.contains("TITOLO-NASCOSTO") } })
        }
    }

    @Test func aProjectorOpenedWithTheFacilitatorsCookieShowsNoAuthorNamesInAnAnonymousWorkshop() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["anonymous": true]])
            let hidden = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "TITOLO-NASCOSTO"])
            let hiddenID = Int64(try #require(hidden.json["id"]?.doubleValue))
            #expect(try await f.facilitator.patch("/api/proposals/\(hiddenID)", ["status": "hidden"]).status == 200)
            // What the screen page asks for, with the facilitator's cookie.
            let screen = try await f.facilitator.get("/api/workshops/\(f.code)/proposals?audience=public")
            #expect(screen.status == 200)
            #expect(!screen.text.contains("Author") && !screen.text.contains("Reader"), "\(screen)")
            #expect(!screen.text.contains("TITOLO-NASCOSTO"))
            #expect(screen.json["proposals"]?.arrayValue?.count == 1)
            // The console itself still sees the names.
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/proposals").text.contains("Author"))
            // The ranking while voting is not public, so the projector is refused it like anyone.
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/ranking?audience=public").status == 403)
            // The live stream serves the public variant: a new proposal event carries no author.
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events?audience=public",
                                               cookies: f.facilitator.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.isEmpty })
            #expect(try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["title": "Titolo nuovo"]).status == 200)
            #expect(await stream.wait { events in events.contains { $0.name == "proposal" } })
            let event = try #require(stream.events(named: "proposal").first)
            #expect(event.json["title"] == "Titolo nuovo")
            #expect(event.json["author"] == .null, "\(event.data)")
            #expect(!stream.events.contains { $0.data.contains("Author") })
        }
    }
}
