import Foundation
import Testing
@testable import OfficinaApp
import OfficinaHTTP

/// Cached JSON answers (ranking, anonymous proposal lists) go gzip-coded to clients that ask for
/// it, each form with its own ETag. The coded body is `Gzip.compress` of the plain answer, byte for
/// byte; `GzipTests` reads that coder's output back with the system's `gzip -d`.
@Suite(.timeLimit(.minutes(5))) struct GzipAnswerTests {
    @Test func theRankingGoesGzipCodedWhenAskedAndInflatesToTheSameAnswer() async throws {
        try await withServer { server in
            let (f, _) = try await BallotRuleTests.voting(server)
            for n in 1...6 {
                try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string("Orto condiviso numero \(n)")])
            }
            for path in ["/api/workshops/\(f.code)/ranking", "/api/workshops/\(f.code)/ranking?view=compact&lang=en"] {
                let plain = try await f.facilitator.get(path)
                #expect(plain.status == 200)
                #expect(plain.body.count >= 1_024, "\(plain.body.count)")
                #expect(plain.header("Content-Encoding") == nil)
                #expect(plain.header("Vary") == "Accept-Encoding")
                // Twice: the first may make the gzip form on a handler thread, the second finds it made.
                for _ in 0..<2 {
                    let coded = try await f.facilitator.get(path, headers: [("Accept-Encoding", "gzip, deflate, br")])
                    #expect(coded.status == 200)
                    #expect(coded.header("Content-Encoding") == "gzip")
                    #expect(coded.header("Vary") == "Accept-Encoding")
                    #expect(coded.body.count * 2 < plain.body.count, "\(coded.body.count) of \(plain.body.count)")
                    #expect(coded.body == Gzip.compress(plain.body))
                    let tag = try #require(coded.header("ETag"))
                    #expect(tag == EntityTag.gzipVariant(of: try #require(plain.header("ETag"))))
                    let again = try await f.facilitator.get(path, headers: [("Accept-Encoding", "gzip"), ("If-None-Match", tag)])
                    #expect(again.status == 304)
                    #expect(again.body.isEmpty)
                }
                // The gzip form's tag does not stand for the plain one.
                let other = try await f.facilitator.get(path, headers: [("If-None-Match", EntityTag.gzipVariant(of: plain.header("ETag") ?? ""))])
                #expect(other.status == 200)
                #expect(other.body == plain.body)
            }
        }
    }

    @Test func anAnonymousProposalListGoesGzipCodedAndAParticipantsAsItIs() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for n in 1...12 {
                try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string("Laboratorio di quartiere \(n)")])
            }
            let path = "/api/workshops/\(f.code)/proposals"
            let plain = try await f.anonymous.get(path)
            let coded = try await f.anonymous.get(path, headers: [("Accept-Encoding", "gzip")])
            #expect(coded.header("Content-Encoding") == "gzip")
            #expect(coded.body == Gzip.compress(plain.body))
            let participant = try await f.reader.get(path, headers: [("Accept-Encoding", "gzip")])
            #expect(participant.status == 200)
            #expect(participant.header("Content-Encoding") == nil)
        }
    }
}
