import Foundation
import Testing
@testable import OfficinaApp

/// `GET …/ranking` answers in one language with numbers rounded to what is shown, and `?view=compact`
/// keeps what the pages draw (docs/api.md "Ranking", docs/scoring.md "Precision of the answer").
@Suite(.timeLimit(.minutes(10))) struct RankingAnswerTests {
    /// A voting workshop where three voters rated and backed both proposals unevenly, so every score
    /// has many decimals before rounding.
    static func votedWorkshop(_ server: TestServer) async throws -> Fixture {
        let (f, secondID) = try await BallotRuleTests.voting(server)
        let voters = try await BallotRaceTests.join(server, f.code, 3)
        for (index, voter) in voters.enumerated() {
            let ballot: JSONValue = [
                "support": [String(f.proposalID): .int(index % 2 + 1), String(secondID): .int(1)],
                "ratings": [
                    String(f.proposalID): ["space": .int(index + 1), "community": .int(4 - index)],
                    String(secondID): ["space": .int(2), "partnerships": .int(index)],
                ],
            ]
            let put = try await voter.put("/api/workshops/\(f.code)/ballot", ballot)
            #expect(put.status == 200, "\(put)")
        }
        return f
    }

    static func entries(_ response: TestResponse) -> [JSONValue] {
        response.json["entries"]?.arrayValue ?? []
    }

    static func isRounded(_ value: JSONValue?, decimals: Int) -> Bool {
        guard let number = value?.doubleValue else { return false }
        let scale = pow(10, Double(decimals))
        return (number * scale).rounded() / scale == number
    }

    @Test func theAnswerHasOneLanguageAndNumbersRoundedFromTheFullPrecisionRanking() async throws {
        try await withServer { server in
            let f = try await Self.votedWorkshop(server)
            let path = "/api/workshops/\(f.code)/ranking"
            let english = try await f.facilitator.get(path + "?lang=en")
            let italian = try await f.facilitator.get(path + "?lang=it")
            #expect(english.status == 200 && italian.status == 200)
            #expect(english.json["language"] == "en" && italian.json["language"] == "it")
            #expect(english.json["view"] == "full")
            #expect(english.json["settled"]?["message"]?.stringValue != italian.json["settled"]?["message"]?.stringValue)
            #expect(english.json["settled"]?["messages"] == nil)
            #expect(english.json["method"]?["descriptions"] == nil && english.json["method"]?["tieBreaks"] == nil)
            #expect(english.json["method"]?["description"]?.stringValue?.contains("Goal score") == true)
            #expect(italian.json["method"]?["description"]?.stringValue?.contains("Punteggio per obiettivo") == true)
            let entries = Self.entries(english)
            #expect(entries.count == 2)
            for (entry, other) in zip(entries, Self.entries(italian)) {
                #expect(entry["explanations"] == nil)
                #expect(entry["explanation"]?.stringValue?.contains("of 2") == true, "\(entry["explanation"] ?? .null)")
                #expect(other["explanation"]?.stringValue?.contains("su 2") == true, "\(other["explanation"] ?? .null)")
                for points in [entry["overall"], entry["interval"]?["low"], entry["parts"]?["goals"], entry["parts"]?["support"]] {
                    #expect(Self.isRounded(points, decimals: 2), "\(points ?? .null)")
                }
                for share in [entry["support"]?["share"], entry["support"]?["lower"], entry["support"]?["upper"]] {
                    #expect(Self.isRounded(share, decimals: 3), "\(share ?? .null)")
                }
                #expect(Self.isRounded(entry["goals"]?["space"]?["score"], decimals: 2))
            }
            // The export is made from the full-precision ranking: the answer is that, rounded.
            let export = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=json&lang=en")
            let exported = export.json["workshop"]?["ranking"]?["entries"]?.arrayValue ?? []
            #expect(exported.count == entries.count, "\(export.text.prefix(300))")
            for (entry, precise) in zip(entries, exported) {
                #expect(entry["id"] == precise["id"])
                // The exports keep both languages.
                #expect(precise["explanations"]?["it"]?.stringValue?.isEmpty == false)
                let overall = try #require(precise["overall"]?.doubleValue)
                #expect(entry["overall"]?.doubleValue == (overall * 100).rounded() / 100, "\(overall)")
                let score = try #require(precise["goals"]?["space"]?["score"]?.doubleValue)
                #expect(entry["goals"]?["space"]?["score"]?.doubleValue == (score * 100).rounded() / 100, "\(score)")
            }
        }
    }

    @Test func theCompactViewKeepsWhatThePagesDrawInAThirdOfTheBytes() async throws {
        try await withServer { server in
            let f = try await Self.votedWorkshop(server)
            let path = "/api/workshops/\(f.code)/ranking?lang=en"
            let full = try await f.facilitator.get(path)
            let compact = try await f.facilitator.get(path + "&view=compact")
            #expect(compact.status == 200)
            #expect(compact.json["view"] == "compact")
            for member in ["perGoal", "goalStatistics", "excluded", "weights", "goals"] {
                #expect(compact.json[member] == nil, "\(member)")
            }
            for member in ["counts", "settled", "shortlist", "method"] {
                #expect(compact.json[member] != nil, "\(member)")
            }
            #expect(compact.json["method"]?["description"] == full.json["method"]?["description"])
            #expect(compact.json["shortlist"] == full.json["shortlist"])
            for (small, whole) in zip(Self.entries(compact), Self.entries(full)) {
                for member in ["rank", "id", "title", "author", "overall", "parts", "rankRange"] {
                    #expect(small[member] == whole[member], "\(member)")
                }
                for member in ["explanation", "interval", "buildOns"] { #expect(small[member] == nil, "\(member)") }
                #expect(small["support"]?["share"] == whole["support"]?["share"])
                #expect(small["goals"]?["space"]?["score"] == whole["goals"]?["space"]?["score"])
                #expect(small["goals"]?["space"]?["weight"] == nil)
            }
            #expect(compact.body.count * 2 < full.body.count, "\(compact.body.count) vs \(full.body.count)")
            // Each view has its own entity tag, and answers 304 to it.
            let tag = try #require(compact.header("ETag"))
            #expect(tag != full.header("ETag"))
            let again = try await f.facilitator.get(path + "&view=compact", headers: [("If-None-Match", tag)])
            #expect(again.status == 304 && again.body.isEmpty)
            let wrong = try await f.facilitator.get(path + "&view=wide")
            #expect(wrong.status == 422 && wrong.errorCode == "view")
        }
    }

    @Test func aSignOutEndsTheCachedRightToReadTheRanking() async throws {
        try await withServer { server in
            let f = try await Self.votedWorkshop(server)
            let path = "/api/workshops/\(f.code)/ranking?view=compact"
            #expect(try await f.facilitator.get(path).status == 200)
            #expect(try await f.facilitator.get(path).status == 200)
            #expect(try await f.facilitator.get(path + "&audience=public").errorCode == "results_hidden")
            #expect(try await f.facilitator.delete("/api/session").status == 204)
            #expect(try await f.facilitator.get(path).errorCode == "results_hidden")
        }
    }
}
