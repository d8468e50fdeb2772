import Foundation
import Testing
@testable import OfficinaApp

/// The ranking is served from a cache between writes; these show the cache never answers with
/// a ranking older than the last acknowledged write, nor one computed for another audience.
@Suite(.timeLimit(.minutes(10))) struct RankingCacheTests {
    static func dots(_ ranking: TestResponse, _ id: Int64) -> JSONValue? {
        ranking.json["entries"]?.arrayValue?.first { $0["id"] == .integer(id) }?["support"]?["dots"]
    }

    @Test func aRankingAfterABallotShowsThatBallotAtOnce() async throws {
        try await withServer { server in
            let (f, _) = try await BallotRuleTests.voting(server)
            let path = "/api/workshops/\(f.code)/ranking"
            let before = try await f.facilitator.get(path)
            let again = try await f.facilitator.get(path)
            #expect(before.status == 200)
            #expect(again.body == before.body)
            #expect(Self.dots(before, f.proposalID) == 0)
            for dots in [2, 1, 3] {
                let put = try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): .int(dots)]])
                #expect(put.status == 200)
                #expect(Self.dots(try await f.facilitator.get(path), f.proposalID) == .int(dots))
            }
        }
    }

    @Test func weightsLanguageAndAudienceEachGetTheirOwnRanking() async throws {
        try await withServer { server in
            let (f, _) = try await BallotRuleTests.voting(server)
            let path = "/api/workshops/\(f.code)/ranking"
            let plain = try await f.facilitator.get(path)
            let weighted = try await f.facilitator.get(path + "?weights=space:3,partnerships:1,community:1")
            #expect(weighted.json["weights"] != plain.json["weights"])
            let english = try await f.facilitator.get(path + "?lang=en")
            let italian = try await f.facilitator.get(path + "?lang=it")
            #expect(english.body != italian.body)
            // A participant is still refused after the facilitator's answer was cached.
            #expect(try await f.reader.get(path).errorCode == "results_hidden")
        }
    }
}
