import Foundation
import Testing
@testable import OfficinaApp

/// An author withdraws their own idea; a facilitator hides one with a reason only its author (and
/// facilitators) read; showing it again clears the note.
@Suite struct ProposalNoteTests {
    @Test func anAuthorWithdrawsTheirOwnIdeaAndOthersNoLongerSeeIt() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let refused = try await f.reader.post("/api/proposals/\(f.proposalID)/withdraw")
            #expect(refused.status == 403)
            let withdrawn = try await f.author.post("/api/proposals/\(f.proposalID)/withdraw")
            #expect(withdrawn.status == 200)
            #expect(withdrawn.json["status"] == "hidden")
            #expect(withdrawn.json["withdrawn"] == true)
            let forReader = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(forReader.json["proposals"]?.arrayValue?.isEmpty == true)
            let forAuthor = try await f.author.get("/api/workshops/\(f.code)/proposals")
            #expect(forAuthor.json["proposals"]?.arrayValue?.first?["withdrawn"] == true)
            let again = try await f.author.post("/api/proposals/\(f.proposalID)/withdraw")
            #expect(again.status == 409)
            #expect(again.errorCode == "not_visible")
        }
    }

    @Test func withdrawingIsRefusedOnceCollectingEnds() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            let late = try await f.author.post("/api/proposals/\(f.proposalID)/withdraw")
            #expect(late.status == 409)
            #expect(late.errorCode == "phase")
        }
    }

    @Test func theAuthorReadsTheFacilitatorsReasonAndNobodyElseDoes() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let hidden = try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "hidden", "reason": "Off topic for this workshop"])
            #expect(hidden.status == 200)
            #expect(hidden.json["hiddenReason"] == "Off topic for this workshop")
            let mine = try await f.author.get("/api/workshops/\(f.code)/proposals")
            let entry = try #require(mine.json["proposals"]?.arrayValue?.first)
            #expect(entry["status"] == "hidden")
            #expect(entry["hiddenReason"] == "Off topic for this workshop")
            #expect(entry["withdrawn"] == false)
            let events = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            defer { events.close() }
            #expect(await events.wait { !$0.filter { $0.name == "tally" }.isEmpty })
            try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "visible"])
            #expect(await events.wait { $0.contains { $0.name == "proposal" && $0.json["status"] == "visible" } })
            #expect(events.events(named: "proposal").allSatisfy { $0.json["hiddenReason"] == .null })
            let shown = try await f.author.get("/api/workshops/\(f.code)/proposals")
            #expect(shown.json["proposals"]?.arrayValue?.first?["hiddenReason"] == .null)
        }
    }

    @Test func aReasonWithoutHidingOrTooLongIsRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let alone = try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["reason": "why"])
            #expect(alone.status == 422)
            let long = try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "hidden", "reason": .string(String(repeating: "x", count: 301))])
            #expect(long.status == 422)
            #expect(long.errorCode == "reason_length")
            let byAuthor = try await f.author.patch("/api/proposals/\(f.proposalID)", ["status": "hidden", "reason": "mine"])
            #expect(byAuthor.status == 403)
        }
    }
}
