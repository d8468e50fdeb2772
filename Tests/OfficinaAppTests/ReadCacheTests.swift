import Foundation
import Testing
@testable import OfficinaApp

/// The workshop, the proposal list and the ranking are answered from caches between writes; these
/// show a cached answer is never older than the last acknowledged write, never carries another
/// viewer's private fields, and that `If-None-Match` gets a 304 only while the answer is the same.
@Suite(.timeLimit(.minutes(10))) struct ReadCacheTests {
    static func proposal(_ list: TestResponse, _ id: Int64) -> JSONValue? {
        list.json["proposals"]?.arrayValue?.first { $0["id"] == .integer(id) }
    }

    @Test func aWorkshopReadRightAfterAnEditOrAJoinShowsIt() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)"
            let before = try await f.anonymous.get(path)
            #expect(try await f.anonymous.get(path).body == before.body)
            for title in ["Primo", "Secondo"] {
                #expect(try await f.facilitator.patch(path, ["title": ["it": .string(title), "en": .string(title)]]).status == 200)
                #expect(try await f.anonymous.get(path).json["title"]?["it"] == .string(title))
            }
            let participants = try #require(try await f.anonymous.get(path).json["counts"]?["participants"]?.doubleValue)
            try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Nuova"])
            #expect(try await f.anonymous.get(path).json["counts"]?["participants"]?.doubleValue == participants + 1)
        }
    }

    @Test func aWorkshopAnsweredForOneHostNeverCarriesItsLinkToAnother() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)"
            let local = try await f.anonymous.get(path, headers: [("Host", "localhost:\(server.port)")])
            let numeric = try await f.anonymous.get(path)
            #expect(local.json["joinUrl"]?.stringValue?.hasPrefix("http://localhost:") == true)
            #expect(numeric.json["joinUrl"]?.stringValue?.hasPrefix("http://127.0.0.1:") == true)
        }
    }

    @Test func theProposalListShowsEditsHidesAndSupportRightAfterEachWrite() async throws {
        try await withServer { server in
            let (f, _) = try await BallotRuleTests.voting(server)
            let path = "/api/workshops/\(f.code)/proposals"
            _ = try await f.facilitator.get(path)
            _ = try await f.anonymous.get(path)
            #expect(try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["title": "Titolo cambiato"]).status == 200)
            #expect(Self.proposal(try await f.anonymous.get(path), f.proposalID)?["title"] == "Titolo cambiato")
            #expect(Self.proposal(try await f.facilitator.get(path), f.proposalID)?["title"] == "Titolo cambiato")
            for dots in [2, 1, 3] {
                #expect(try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): .int(dots)]]).status == 200)
                #expect(Self.proposal(try await f.facilitator.get(path), f.proposalID)?["tally"]?["support"] == .int(dots))
            }
            #expect(try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "hidden", "reason": "fuori tema"]).status == 200)
            #expect(Self.proposal(try await f.anonymous.get(path), f.proposalID) == nil)
            #expect(Self.proposal(try await f.facilitator.get(path), f.proposalID)?["status"] == "hidden")
        }
    }

    @Test func noViewerEverSeesAnotherViewersMineHiddenReasonOrAnonymousName() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["anonymous": true]])
            let path = "/api/workshops/\(f.code)/proposals"
            let buildOn = try await f.reader.post("/api/proposals/\(f.proposalID)/buildons", ["text": "Anche gli utensili da giardino"])
            #expect(buildOn.status == 201, "\(buildOn)")
            let hidden = try await f.author.post(path, ["title": "Idea da nascondere"])
            let hiddenID = Int64(try #require(hidden.json["id"]?.doubleValue))
            #expect(try await f.facilitator.patch("/api/proposals/\(hiddenID)", ["status": "hidden", "reason": "MOTIVO-PRIVATO"]).status == 200)
            // Every audience in turn, twice, so each one's answer follows another's cached pieces.
            for _ in 0..<2 {
                let outsider = try await f.anonymous.get(path)
                #expect(outsider.json["proposals"]?.arrayValue?.count == 1)
                #expect(!outsider.text.contains("Author") && !outsider.text.contains("Reader") && !outsider.text.contains("MOTIVO-PRIVATO"))
                #expect(!outsider.text.contains(#""mine":true"#))

                let author = try await f.author.get(path)
                #expect(Self.proposal(author, f.proposalID)?["mine"] == true)
                #expect(Self.proposal(author, f.proposalID)?["author"]?["name"] == "Author")
                #expect(Self.proposal(author, hiddenID)?["hiddenReason"] == "MOTIVO-PRIVATO")
                // The reader's build-on shows its author only to the reader.
                #expect(!author.text.contains("Reader"))

                let reader = try await f.reader.get(path)
                #expect(Self.proposal(reader, f.proposalID)?["mine"] == false)
                #expect(Self.proposal(reader, f.proposalID)?["author"] == .null)
                #expect(Self.proposal(reader, hiddenID) == nil)
                #expect(reader.text.contains("Reader") && !reader.text.contains("Author") && !reader.text.contains("MOTIVO-PRIVATO"))

                let facilitator = try await f.facilitator.get(path)
                #expect(facilitator.text.contains("Author") && facilitator.text.contains("Reader"))
                #expect(Self.proposal(facilitator, hiddenID)?["hiddenReason"] == "MOTIVO-PRIVATO")
                #expect(!facilitator.text.contains(#""mine":true"#))
            }
        }
    }

    @Test func ifNoneMatchAnswers304UntilTheAnswerChanges() async throws {
        try await withServer { server in
            let (f, _) = try await BallotRuleTests.voting(server)
            for path in ["/api/workshops/\(f.code)/ranking", "/api/workshops/\(f.code)", "/api/workshops/\(f.code)/proposals"] {
                let first = try await f.facilitator.get(path)
                let tag = try #require(first.header("ETag"))
                let again = try await f.facilitator.get(path, headers: [("If-None-Match", tag)])
                #expect(again.status == 304, "\(path)")
                #expect(again.body.isEmpty)
                #expect(again.header("ETag") == tag)
                #expect(try await f.facilitator.get(path, headers: [("If-None-Match", "\"other\"")]).status == 200)
                // A ballot changes the ranking; a join changes the workshop's counts.
                #expect(try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): .int(1 + path.count % 3)]]).status == 200)
                #expect(try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Nuova"]).status == 201)
                let changed = try await f.facilitator.get(path, headers: [("If-None-Match", tag)])
                #expect(changed.status == 200, "\(path)")
                #expect(changed.header("ETag") != tag)
            }
        }
    }
}
