import Foundation
import OfficinaCore
import OfficinaStore
import Testing
@testable import OfficinaApp

/// Issue 16, "concurrency promises": ballots sent by many voters at once while a facilitator merges
/// a proposal or closes voting. Every ballot is checked inside the write that stores it, so none is
/// stored after the close and none naming a proposal after it was merged.
@Suite struct BallotRaceTests {
    static let voters = 12, rounds = 8

    /// Counts acknowledged ballots across the voters' tasks, so the facilitator acts mid-stream.
    actor Progress {
        var answered = 0
        func add() { answered += 1 }
    }

    /// Joins `count` voters and returns them.
    static func join(_ server: TestServer, _ code: String, _ count: Int) async throws -> [Browser] {
        var browsers: [Browser] = []
        for index in 0..<count {
            let browser = server.browser()
            let joined = try await browser.post("/api/join", ["code": .string(code), "name": .string("Votante \(index)")])
            #expect(joined.status == 201, "\(joined)")
            browsers.append(browser)
        }
        return browsers
    }

    /// Every voter sends `rounds` ballots one after another (round r: `ballot(r)`), all voters at once,
    /// while `act` runs once a third of the ballots were answered. Returns each voter's answers in order.
    static func race(
        _ voters: [Browser], path: String, ballot: @escaping @Sendable (Int) -> JSONValue,
        act: @escaping @Sendable () async throws -> TestResponse
    ) async throws -> (answers: [[(round: Int, response: TestResponse)]], action: TestResponse) {
        let progress = Progress()
        return try await withThrowingTaskGroup(of: (Int, [(round: Int, response: TestResponse)]).self) { group in
            for (index, voter) in voters.enumerated() {
                group.addTask {
                    var answers: [(round: Int, response: TestResponse)] = []
                    for round in 0..<rounds {
                        answers.append((round, try await voter.put(path, ballot(round))))
                        await progress.add()
                    }
                    return (index, answers)
                }
            }
            // Liveness bound only: the action fires after a third of the ballots, or after 10 s.
            let deadline = Date().addingTimeInterval(10)
            while await progress.answered < voters.count * rounds / 3, Date() < deadline {
                try await Task.sleep(nanoseconds: 1_000_000)
            }
            let action = try await act()
            var answers = Array(repeating: [(round: Int, response: TestResponse)](), count: voters.count)
            for try await (index, list) in group { answers[index] = list }
            return (answers, action)
        }
    }

    @Test func ballotsRacingAMergeAreNeverStoredNamingTheMergedProposal() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let other = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Orto condiviso"])
            let keptID = Int64(try #require(other.json["id"]?.doubleValue))
            let mergedID = f.proposalID
            let voters = try await Self.join(server, f.code, Self.voters)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let path = "/api/workshops/\(f.code)/ballot"
            let facilitator = f.facilitator
            let (answers, merge) = try await Self.race(voters, path: path, ballot: { round in
                ["support": .object([(String(mergedID), .int(1 + round % 3))])]
            }, act: {
                try await facilitator.post("/api/proposals/\(mergedID)/merge", ["into": .integer(keptID)])
            })
            #expect(merge.status == 200, "\(merge)")
            var accepted = 0, refused = 0
            for list in answers {
                for (_, response) in list {
                    if response.status == 200 { accepted += 1 } else {
                        refused += 1
                        #expect(response.status == 422 && response.errorCode == "unknown_proposal", "\(response)")
                    }
                }
            }
            // The race really happened: ballots on both sides of the merge.
            #expect(accepted > 0 && refused > 0, "accepted \(accepted), refused \(refused)")
            let workshopID = try #require(try server.store.read { try $0.workshops.find(code: JoinCode(f.code)!)?.id })
            let late = try server.store.read { db in
                try db.query("""
                    SELECT count(*) FROM ballots b JOIN ballot_support s ON s.ballot_id = b.id
                    WHERE b.workshop_id = ?1 AND s.proposal_id = ?2
                        AND b.updated_at > (SELECT merged_at FROM merges WHERE from_id = ?2)
                    """, [workshopID, mergedID]) { $0.int(0) }.first ?? -1
            }
            #expect(late == 0)
            // What counts: nothing on the merged proposal, each stored ballot once on the kept one.
            let stored = try server.store.read { try $0.ballots.count(workshopID: workshopID) }
            let list = try await f.facilitator.get("/api/workshops/\(f.code)/proposals")
            for proposal in list.json["proposals"]?.arrayValue ?? [] {
                let supporters = proposal["tally"]?["supporters"]?.doubleValue
                if proposal["id"] == .integer(mergedID) { #expect(supporters == 0) }
                if proposal["id"] == .integer(keptID) { #expect(supporters == Double(stored)) }
            }
            for voter in voters {
                let support = try await voter.get(path).json["support"]
                #expect(support?[String(mergedID)] == nil)
            }
        }
    }

    @Test func ballotsRacingTheCloseOfVotingAreEitherStoredBeforeItOrRefusedNeverLost() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let voters = try await Self.join(server, f.code, Self.voters)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let path = "/api/workshops/\(f.code)/ballot"
            let facilitator = f.facilitator, code = f.code, proposal = String(f.proposalID)
            let (answers, close) = try await Self.race(voters, path: path, ballot: { round in
                ["support": .object([(proposal, .int(1 + round % 3))])]
            }, act: {
                try await facilitator.post("/api/workshops/\(code)/phase", ["phase": "closed"])
            })
            #expect(close.status == 200, "\(close)")
            var accepted = 0, refused = 0
            for (index, list) in answers.enumerated() {
                var lastAcknowledged: Int?
                for (round, response) in list {
                    if response.status == 200 {
                        accepted += 1
                        lastAcknowledged = round
                    } else {
                        refused += 1
                        #expect(response.status == 409 && response.errorCode == "phase", "\(response)")
                    }
                }
                // The last acknowledged ballot is the one stored: nothing acknowledged was lost.
                let stored = try await voters[index].get(path).json["support"]?[proposal]
                #expect(stored == lastAcknowledged.map { .int(1 + $0 % 3) }, "voter \(index)")
            }
            #expect(accepted > 0 && refused > 0, "accepted \(accepted), refused \(refused)")
            let workshopID = try #require(try server.store.read { try $0.workshops.find(code: JoinCode(f.code)!)?.id })
            let closedAt = try #require(try server.store.read { try $0.workshops.phaseLog(workshopID: workshopID) }.last { $0.to == .closed }?.at)
            let late = try server.store.read { db in
                try db.query("SELECT count(*) FROM ballots WHERE workshop_id = ? AND updated_at > ?", [workshopID, closedAt]) { $0.int(0) }.first ?? -1
            }
            #expect(late == 0)
            let ranking = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            #expect(ranking.json["counts"]?["ballots"] == .int(answers.filter { $0.contains { $0.response.status == 200 } }.count))
        }
    }
}
