import Foundation
import Testing
@testable import OfficinaApp

/// The proposals list in the order the server decides: shuffled per participant, balanced while
/// voting, changed by the facilitator through the scoring settings.
@Suite struct ExposureRouteTests {
    static func ids(_ response: TestResponse) -> [Int64] {
        (response.json["proposals"]?.arrayValue ?? []).compactMap { $0["id"]?.doubleValue }.map { Int64($0) }
    }

    /// The fixture's workshop with shuffling on and eight proposals by the author.
    static func workshop(_ server: TestServer) async throws -> (Fixture, [Int64]) {
        let f = try await Fixture.make(server)
        try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["shuffleProposals": true]])
        var ids = [f.proposalID]
        for n in 1...7 {
            let created = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string("Proposta numero \(n)")])
            ids.append(Int64(try #require(created.json["id"]?.doubleValue)))
        }
        return (f, ids)
    }

    @Test func eachParticipantGetsTheirOwnStableShuffleAndTheFacilitatorTheIdOrder() async throws {
        try await withServer { server in
            let (f, ids) = try await Self.workshop(server)
            let path = "/api/workshops/\(f.code)/proposals"
            let reader = try await f.reader.get(path)
            #expect(reader.json["order"]?["mode"] == "shuffled")
            #expect(Set(Self.ids(reader)) == Set(ids))
            #expect(Self.ids(try await f.reader.get(path)) == Self.ids(reader), "stable across reloads")
            #expect(Self.ids(try await f.author.get(path)) != Self.ids(reader), "another participant, another order")
            let console = try await f.facilitator.get(path)
            #expect(console.json["order"]?["mode"] == "id")
            #expect(Self.ids(console) == ids)
        }
    }

    @Test func whileVotingTheLeastRatedComeFirstMarkedAsNeedingEyes() async throws {
        try await withServer { server in
            let (f, ids) = try await Self.workshop(server)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            // The reader rates the first four; a newcomer should then see the other four first.
            var ratings: [String: JSONValue] = [:]
            for id in ids.prefix(4) { ratings[String(id)] = ["space": 3] }
            #expect(try await f.reader.put("/api/workshops/\(f.code)/ballot", ["ratings": .object(ratings.map { ($0.key, $0.value) })]).status == 200)
            let newcomer = server.browser()
            try await newcomer.post("/api/join", ["code": .string(f.code), "name": "Newcomer"])
            let list = try await newcomer.get("/api/workshops/\(f.code)/proposals")
            #expect(list.json["order"]?["mode"] == "balanced")
            #expect(Set(Self.ids(list).prefix(4)) == Set(ids.suffix(4)))
            let marked = (list.json["order"]?["needsEyes"]?.arrayValue ?? []).compactMap(\.doubleValue).map { Int64($0) }
            #expect(Set(marked) == Set(ids.suffix(4)))
            // The reader already rated the first four: for them those come last, and are not marked.
            let own = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(Set(Self.ids(own).suffix(4)) == Set(ids.prefix(4)))

            let switched = try await f.facilitator.patch("/api/workshops/\(f.code)/scoring", ["exposure": "shuffled"])
            #expect(switched.json["exposure"] == "shuffled")
            let shuffled = try await newcomer.get("/api/workshops/\(f.code)/proposals")
            #expect(shuffled.json["order"]?["mode"] == "shuffled")
            #expect(shuffled.json["order"]?["needsEyes"] == [])
        }
    }

    @Test func pastTwentyRatersTheProposalsStillContendingForTheTopComeFirst() async throws {
        try await withServer { server in
            let (f, ids) = try await Self.workshop(server)
            // A ninth proposal, rated once and then hidden: its few raters must not hold the focus back.
            let extra = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Proposta poi nascosta"])
            let hidden = Int64(try #require(extra.json["id"]?.doubleValue))
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let leaders = Array(ids.prefix(4)), trailing = Array(ids.suffix(4))
            // 20 voters rate all eight, the four leaders alike and the others 0: four equals for
            // three places. 6 more rate only the leaders, so by raters alone the trailing four,
            // with 20 raters each against 26, would come first.
            for n in 0..<26 {
                let voter = server.browser()
                try await voter.post("/api/join", ["code": .string(f.code), "name": .string("Votante \(n)")])
                var ratings: [(String, JSONValue)] = leaders.map { (String($0), ["space": 3, "partnerships": 3, "community": 3]) }
                if n < 20 { ratings += trailing.map { (String($0), ["space": 0, "partnerships": 0, "community": 0]) } }
                if n == 0 { ratings.append((String(hidden), ["space": 2, "partnerships": 2, "community": 2])) }
                let saved = try await voter.put("/api/workshops/\(f.code)/ballot", ["ratings": .object(ratings)])
                #expect(saved.status == 200, "\(saved)")
            }
            #expect(try await f.facilitator.patch("/api/proposals/\(hidden)", ["status": "hidden"]).status == 200)
            let newcomer = server.browser()
            try await newcomer.post("/api/join", ["code": .string(f.code), "name": "Newcomer"])
            let list = try await newcomer.get("/api/workshops/\(f.code)/proposals")
            #expect(list.json["order"]?["mode"] == "balanced")
            #expect(!Self.ids(list).contains(hidden))
            #expect(Set(Self.ids(list).prefix(4)) == Set(leaders), "\(Self.ids(list))")
            let marked = (list.json["order"]?["needsEyes"]?.arrayValue ?? []).compactMap(\.doubleValue).map { Int64($0) }
            #expect(Set(marked) == Set(leaders))
            // The ranking agrees: not settled, and only the leaders can reach its top 3.
            let ranking = try await f.facilitator.get("/api/workshops/\(f.code)/ranking")
            #expect(ranking.json["settled"]?["settled"] == false)
        }
    }

    @Test func scoringSettingsAreTheFacilitatorsAndRefuseUnknownValues() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/scoring"
            let current = try await f.facilitator.get(path)
            #expect(current.json["method"] == "officina-2")
            #expect(current.json["exposure"] == "balanced")
            #expect(try await f.reader.patch(path, ["method": "officina-1"]).status == 401)
            #expect(try await f.facilitator.patch(path, ["method": "borda"]).errorCode == "type")
            #expect(try await f.facilitator.patch(path, ["exposure": "alphabetical"]).status == 422)
            #expect(try await f.facilitator.patch(path, ["colour": "red"]).status == 422)
            #expect(try await f.facilitator.patch(path, ["method": "officina-1"]).json["method"] == "officina-1")
            #expect(try await f.facilitator.get(path).json["method"] == "officina-1")
        }
    }
}
