import Foundation
import Testing
import OfficinaCore
import OfficinaStore
@testable import OfficinaApp

/// Participant groups declared at join and broad support through the API (docs/scoring.md §19).
@Suite struct BridgingRouteTests {
    /// Ratings of a non-bloc voter: two strong proposals, one good, two split (3 from even voters, 2 from
    /// odd), the bloc's mediocre one (index 5) and the rest at the midpoint or below.
    static func value(proposal: Int, voter: Int) -> Int {
        switch proposal {
        case 0, 1: 4
        case 2: 3
        case 3, 4: voter % 2 == 0 ? 3 : 2
        case 5, 6, 7: 2
        default: 1
        }
    }

    @Test func aFifthOfTheRoomBackingAMediocreProposalIsTopFiveOnlyWithoutBroadSupport() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let base = "/api/workshops/\(f.code)"
            try await f.facilitator.patch(base, ["settings": ["votingMethod": "dots", "dotBudget": 5, "perProposalCap": 3, "ratingsEnabled": true]])
            let workshop = try await f.anonymous.get(base)
            let offered = (workshop.json["participantGroups"]?.arrayValue ?? []).compactMap { $0["key"]?.stringValue }
            #expect(offered == ["resident", "professional", "organisation", "student"])

            // Ten proposals by two authors who do not vote (the fixture's is the first).
            var ids = [f.proposalID]
            for n in 2...10 {
                let author = n <= 5 ? f.author : f.reader
                let created = try await author.post("\(base)/proposals", ["title": .string("Proposta di prova \(n)")])
                ids.append(Int64(try #require(created.json["id"]?.doubleValue, "\(created)")))
            }
            try await f.facilitator.post("\(base)/phase", ["phase": "voting"])

            // 16 voters in two groups, 4 students (a fifth) who all back proposal 6.
            for voter in 0..<20 {
                let browser = server.browser()
                let group = voter < 16 ? (voter < 8 ? "resident" : "professional") : "student"
                let joined = try await browser.post("/api/join", ["code": .string(f.code), "name": .string("Voter \(voter)"), "group": .string(group)])
                #expect(joined.status == 201, "\(joined)")
                var ratings: [(String, JSONValue)] = []
                for (p, id) in ids.enumerated() {
                    let value = voter >= 16 && p == 5 ? 4 : Self.value(proposal: p, voter: voter)
                    ratings.append((String(id), ["space": .integer(Int64(value)), "partnerships": .integer(Int64(value)), "community": .integer(Int64(value))]))
                }
                let support: JSONValue = voter >= 16
                    ? .object([(String(ids[5]), 3), (String(ids[0]), 2)])
                    : .object([(String(ids[0]), 2), (String(ids[1]), 2), (String(ids[2]), 1)])
                let put = try await browser.put("\(base)/ballot", ["support": support, "ratings": .object(ratings)])
                #expect(put.status == 200, "\(put)")
            }

            func rank(of id: Int64) async throws -> (Int, JSONValue) {
                let ranking = try await f.facilitator.get("\(base)/ranking")
                let entries = ranking.json["entries"]?.arrayValue ?? []
                let entry = try #require(entries.first { $0["id"]?.doubleValue == Double(id) }, "\(ranking)")
                return (Int(try #require(entry["rank"]?.doubleValue)), ranking.json)
            }
            let (rankOff, off) = try await rank(of: ids[5])
            #expect(rankOff <= 5)
            #expect(off["bridging"]?["applied"] == false)

            let scoring = "\(base)/scoring"
            #expect(try await f.facilitator.get(scoring).json["bridging"] == false)
            #expect(try await f.facilitator.patch(scoring, ["bridging": "yes"]).status == 422)
            #expect(try await f.reader.patch(scoring, ["bridging": true]).status == 401)
            #expect(try await f.facilitator.patch(scoring, ["bridging": true]).json["bridging"] == true)
            #expect(try await f.facilitator.get(scoring).json["method"] == "officina-2", "the method is kept")

            let (rankOn, on) = try await rank(of: ids[5])
            #expect(rankOn > 5, "ranked \(rankOn) with broad support")
            #expect(on["bridging"]?["applied"] == true)
            let groups = (on["bridging"]?["groups"]?.arrayValue ?? []).compactMap { $0["key"]?.stringValue }
            #expect(groups == ["resident", "professional", "student"])
            let entry = (on["entries"]?.arrayValue ?? []).first { $0["id"]?.doubleValue == Double(ids[5]) }
            #expect(entry?["broadSupport"]?["carriedBy"] == "student")
            #expect(entry?["broadSupport"]?["groups"]?["student"]?["agree"] == 4)

            let csv = try await f.facilitator.get("\(base)/export?format=csv&lang=en")
            #expect(csv.text.contains("carried by one group"))
            #expect(csv.text.contains("Student 4/4 (83%)"))
            let html = try await f.facilitator.get("\(base)/export?format=html&lang=en")
            #expect(html.text.contains("<th class=\"n\">Broad support</th>"))
            #expect(html.text.contains("Carried by one group: Student"))
            #expect(html.text.contains("carried by one group: Student; weighed into the overall"))
        }
    }

    @Test func joiningNamesAGroupOfTheProgrammeOrNone() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let unknown = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Ada", "group": "martian"])
            #expect(unknown.status == 422)
            #expect(unknown.errorCode == "group")
            #expect(try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Bea", "group": 3]).status == 422)
            #expect(try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Cy", "group": .null]).status == 201)
            #expect(try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Di", "group": ""]).status == 201)
            #expect(try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Ed", "group": "student"]).status == 201)
            let code = try #require(JoinCode(f.code))
            let declared = try server.store.read { db -> [Int64: String] in
                guard let workshop = try db.workshops.find(code: code) else { return [:] }
                return try db.participantGroups.declared(workshopID: workshop.id)
            }
            #expect(Array(declared.values) == ["student"])
        }
    }
}
