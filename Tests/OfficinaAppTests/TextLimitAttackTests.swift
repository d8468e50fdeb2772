import Foundation
import Testing
@testable import OfficinaApp

/// Attacks on the text limits (issue 10, High): one "character" carrying hundreds of thousands of
/// combining marks, and texts that are short in Characters but long in bytes. Every answer stays small.
@Suite struct TextLimitAttackTests {
    static let zalgoName = "a" + String(repeating: "\u{301}", count: 400_000)

    @Test func aJoinNamedWithFourHundredThousandMarksIsRefusedWithASmallAnswer() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let joiner = server.browser()
            let response = try await joiner.post("/api/join", ["code": .string(f.code), "name": .string(Self.zalgoName)])
            #expect(response.status == 422)
            #expect(response.errorField == "name")
            #expect(response.errorCode == "name_length")
            #expect(response.body.count < 1_000)
            #expect(joiner.cookies.isEmpty)
            let stored = try server.store.read { db in
                try db.query(db.dialect == .sqlite ? "SELECT max(length(CAST(name AS BLOB))) FROM participants" : "SELECT max(octet_length(name)) FROM participants", []) { $0.int(0) }
            }
            #expect(stored.first ?? 0 <= 160)
        }
    }

    @Test func zalgoBuildOnsCannotBloatTheAnonymousProposalList() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let before = try await f.anonymous.get("/api/workshops/\(f.code)/proposals").body.count
            for marks in [100_000, 1_000, 12] {
                let text = "x" + String(repeating: "\u{0316}", count: marks)
                let response = try await f.reader.post("/api/proposals/\(f.proposalID)/buildons", ["text": .string(text)])
                #expect(response.status == 422, "\(marks) marks")
                #expect(response.errorField == "text", "\(marks) marks")
                #expect(response.body.count < 1_000)
            }
            let after = try await f.anonymous.get("/api/workshops/\(f.code)/proposals").body.count
            #expect(after == before)
        }
    }

    @Test func stackedMarksAreRefusedInEveryTextTheAPITakes() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let zalgo = "Idea" + String(repeating: "\u{0316}\u{0317}", count: 4)
            let attempts: [(TestResponse, String)] = [
                (try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string(zalgo)]), "title"),
                (try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Ok", "body": .string(zalgo)]), "body"),
                (try await f.author.patch("/api/proposals/\(f.proposalID)", ["title": .string(zalgo)]), "title"),
                (try await f.facilitator.patch("/api/workshops/\(f.code)", ["title": ["it": "Titolo", "en": .string(zalgo)]]), "title.en"),
                (try await f.facilitator.patch("/api/workshops/\(f.code)", ["theme": .string(zalgo)]), "theme"),
                (try await server.browser().post("/api/session", ["username": .string(zalgo), "password": "whatever1"]), "username"),
            ]
            for (response, field) in attempts {
                #expect(response.status == 422, "\(field): \(response)")
                #expect(response.errorCode == "combining_marks", "\(field): \(response)")
                #expect(response.errorField == field, "\(response)")
            }
        }
    }

    @Test func aNameShortInCharactersButLongInBytesIsRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦"
            let long = try await server.browser().post("/api/join", ["code": .string(f.code), "name": .string(String(repeating: family, count: 40))])
            #expect(long.status == 422)
            #expect(long.errorCode == "name_length")
            let fine = try await server.browser().post("/api/join", ["code": .string(f.code), "name": .string("Giulia " + family)])
            #expect(fine.status == 201)
        }
    }

    @Test func anUnknownFieldNamedWithAMegabyteIsEchoedBounded() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let key = String(repeating: "k", count: 500_000)
            let response = try await f.author.send("POST", "/api/workshops/\(f.code)/proposals", raw: "{\"title\":\"Ok\",\"\(key)\":1}")
            #expect(response.status == 422)
            #expect(response.errorCode == "unknown_field")
            #expect(response.body.count < 1_000)
        }
    }
}
