import Foundation
import Testing
@testable import OfficinaApp

/// The whole life of a workshop through the API, on a real socket and a real database.
@Suite(.timeLimit(.minutes(10))) struct WorkshopStoryTests {
    @Test func aWorkshopGoesFromCreationToAClosedRanking() async throws {
        try await withServer { server in
            let facilitator = try await server.facilitator()
            let programmes = try await facilitator.get("/api/programmes")
            #expect(programmes.status == 200)
            let programme = try #require(programmes.json["programmes"]?.arrayValue?.first)
            #expect(programme["goals"]?.arrayValue?.map { $0["key"]?.stringValue } == ["space", "partnerships", "community"])
            #expect(programme["workshops"]?.arrayValue?.count == 5)

            // Create a workshop with dots voting and open it for proposals.
            let created = try await facilitator.post("/api/programmes/1/workshops", [
                "theme": "events", "title": ["it": "Serata di prova", "en": "Trial evening"],
                "description": ["it": "Un laboratorio di prova", "en": "A trial workshop"],
                "settings": ["votingMethod": "dots", "dotBudget": 5, "perProposalCap": 3, "shuffleProposals": false],
            ])
            #expect(created.status == 201)
            let code = try #require(created.json["code"]?.stringValue)
            #expect(created.json["phase"] == "draft")
            #expect(created.json["joinUrl"]?.stringValue == "http://127.0.0.1:\(server.port)/w/\(code)")
            #expect(try await facilitator.post("/api/workshops/\(code)/phase", ["phase": "collecting"]).status == 200)

            // Three people join and post ideas; one builds on another's.
            let alice = server.browser(), bruno = server.browser(), carla = server.browser()
            for (browser, name) in [(alice, "Alice"), (bruno, "Bruno"), (carla, "Carla")] {
                let joined = try await browser.post("/api/join", ["code": .string(code.lowercased()), "name": .string(name)])
                #expect(joined.status == 201)
                #expect(joined.json["participant"]?["name"]?.stringValue == name)
                #expect(browser.cookies["officina_p_\(code)"] != nil)
            }
            let garden = try await alice.post("/api/workshops/\(code)/proposals", [
                "title": "Un orto condiviso sul tetto", "body": "Coltiviamo insieme.", "goals": ["space", "community"],
            ])
            #expect(garden.status == 201)
            #expect(garden.json["mine"] == true)
            let gardenID = try #require(garden.json["id"]?.doubleValue).int64
            let market = try await bruno.post("/api/workshops/\(code)/proposals", ["title": "Mercato dei produttori", "goals": ["partnerships"]])
            let marketID = try #require(market.json["id"]?.doubleValue).int64
            let duplicate = try await carla.post("/api/workshops/\(code)/proposals", ["title": "Orto condiviso sul tetto", "goals": ["space"]])
            let duplicateID = try #require(duplicate.json["id"]?.doubleValue).int64
            let buildOn = try await bruno.post("/api/proposals/\(gardenID)/buildons", ["text": "Con arnie per le api"])
            #expect(buildOn.status == 201)
            #expect(buildOn.json["author"]?["name"] == "Bruno")

            // The facilitator merges the duplicate; the audit trail records it.
            let merge = try await facilitator.post("/api/proposals/\(duplicateID)/merge", ["into": .integer(gardenID)])
            #expect(merge.status == 200)
            #expect(merge.json["merged"]?["status"] == "merged")
            #expect(merge.json["merged"]?["mergedInto"] == .integer(gardenID))
            let merges = try await facilitator.get("/api/workshops/\(code)/merges")
            #expect(merges.json["merges"]?.arrayValue?.first?["by"] == "facilitator")
            let listed = try await carla.get("/api/workshops/\(code)/proposals")
            #expect(listed.json["proposals"]?.arrayValue?.map { $0["id"] } == [.integer(gardenID), .integer(marketID)])
            #expect(listed.json["proposals"]?.arrayValue?.first?["buildOns"]?.arrayValue?.count == 1)

            // Voting with a deadline; ballots respect budget and cap.
            let deadline = Date().addingTimeInterval(3600).formatted(.iso8601)
            let voting = try await facilitator.post("/api/workshops/\(code)/phase", ["phase": "voting", "deadline": .string(deadline)])
            #expect(voting.json["phase"] == "voting")
            #expect(voting.json["deadline"]?.stringValue == deadline)
            let aliceBallot = try await alice.put("/api/workshops/\(code)/ballot", [
                "support": [String(marketID): 2], "ratings": [String(marketID): ["partnerships": 4, "space": 1]],
            ])
            #expect(aliceBallot.status == 200)
            #expect(aliceBallot.json["spent"] == 2)
            #expect(aliceBallot.json["budget"] == 5)
            let brunoBallot = try await bruno.put("/api/workshops/\(code)/ballot", [
                "support": [String(gardenID): 3], "ratings": [String(gardenID): ["space": 4, "community": 3]],
            ])
            #expect(brunoBallot.status == 200)
            let carlaBallot = try await carla.put("/api/workshops/\(code)/ballot", ["support": [String(gardenID): 3, String(marketID): 2]])
            #expect(carlaBallot.status == 200)
            let readBack = try await carla.get("/api/workshops/\(code)/ballot")
            #expect(readBack.json["support"] == [String(gardenID): 3, String(marketID): 2])

            // Voting settings are now locked; display settings are not.
            let locked = try await facilitator.patch("/api/workshops/\(code)", ["settings": ["dotBudget": 10]])
            #expect(locked.status == 409)
            #expect(locked.errorCode == "locked")
            let display = try await facilitator.patch("/api/workshops/\(code)", ["settings": ["showLiveTallies": true]])
            #expect(display.status == 200)
            #expect(display.json["locked"] == true)

            // The ranking is the facilitator's until the workshop closes, then everyone's.
            let ranking = try await facilitator.get("/api/workshops/\(code)/ranking")
            #expect(ranking.status == 200)
            #expect(ranking.json["entries"]?.arrayValue?.first?["id"] == .integer(gardenID))
            #expect(try await alice.get("/api/workshops/\(code)/ranking").errorCode == "results_hidden")
            #expect(try await facilitator.post("/api/workshops/\(code)/phase", ["phase": "closed"]).status == 200)
            let published = try await alice.get("/api/workshops/\(code)/ranking?weights=space:2,partnerships:1,community:1")
            #expect(published.status == 200)
            #expect(published.json["weights"]?["space"] == 2)
            #expect(published.json["entries"]?.arrayValue?.count == 2)
            let log = try await facilitator.get("/api/workshops/\(code)/phases")
            #expect(log.json["log"]?.arrayValue?.map { $0["to"] } == ["collecting", "voting", "closed"])
            let stats = try await facilitator.get("/api/workshops/\(code)/stats")
            #expect(stats.json == ["participants": 3, "proposals": 3, "buildOns": 1, "ballots": 3, "ratings": 4])
            // Closed is read-only.
            #expect(try await alice.put("/api/workshops/\(code)/ballot", ["support": [:]]).errorCode == "phase")
        }
    }
}

extension Double {
    var int64: Int64 { Int64(self) }
}
