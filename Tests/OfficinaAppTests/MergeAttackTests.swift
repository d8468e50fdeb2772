import Foundation
import Testing
@testable import OfficinaApp

/// Issue 10, Medium 4: merges and their undo must never make a ballot count twice, exceed its budget
/// or support its own author. Each test replays one reported sequence against a live server.
@Suite struct MergeAttackTests {
    /// A workshop in voting (dots, budget 5, cap 3) with `titles.count` proposals by the fixture's
    /// author, plus one by the reader (the voter under attack). Returns the fixture, the author's
    /// proposal ids by title and the reader's own proposal id.
    static func voting(_ server: TestServer, _ titles: [String]) async throws -> (Fixture, [String: Int64], Int64) {
        let f = try await Fixture.make(server)
        var ids: [String: Int64] = [:]
        for title in titles {
            let created = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string("Idea \(title)")])
            ids[title] = Int64(try #require(created.json["id"]?.doubleValue))
        }
        let own = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "La mia idea"])
        let ownID = Int64(try #require(own.json["id"]?.doubleValue))
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
        return (f, ids, ownID)
    }

    static func support(_ pairs: [(Int64, Int)]) -> JSONValue {
        ["support": .object(pairs.map { (String($0.0), .int($0.1)) })]
    }

    /// Counted support per proposal as the facilitator's proposal list shows it.
    static func tallies(_ f: Fixture) async throws -> [Int64: Int] {
        let list = try await f.facilitator.get("/api/workshops/\(f.code)/proposals")
        var tallies: [Int64: Int] = [:]
        for proposal in list.json["proposals"]?.arrayValue ?? [] {
            guard let id = proposal["id"]?.doubleValue, let support = proposal["tally"]?["support"]?.doubleValue else { continue }
            if support > 0 { tallies[Int64(id)] = Int(support) }
        }
        return tallies
    }

    @Test func mergeChainThenUndoingTheFirstMergeNeverCountsTheSameDotsTwice() async throws {
        try await withServer { server in
            let (f, p, _) = try await Self.voting(server, ["A", "B", "C", "Z"])
            let (a, b, c, z) = (p["A"]!, p["B"]!, p["C"]!, p["Z"]!)
            let ballotPath = "/api/workshops/\(f.code)/ballot"
            #expect(try await f.reader.put(ballotPath, Self.support([(a, 2), (z, 3)])).status == 200)
            #expect(try await f.facilitator.post("/api/proposals/\(a)/merge", ["into": .integer(b)]).status == 200)
            #expect(try await f.facilitator.post("/api/proposals/\(b)/merge", ["into": .integer(c)]).status == 200)
            let chained = try await f.reader.get(ballotPath)
            #expect(chained.json["support"] == [String(c): 2, String(z): 3])
            #expect(chained.json["notices"]?.arrayValue?.first?["code"] == "merged")
            #expect(chained.json["notices"]?.arrayValue?.first?["into"] == .integer(c))
            #expect(try await f.facilitator.post("/api/proposals/\(a)/unmerge").status == 200)
            let ballot = try await f.reader.get(ballotPath)
            #expect(ballot.json["spent"] == 5)
            #expect(ballot.json["support"] == [String(a): 2, String(z): 3])
            #expect(try await Self.tallies(f) == [a: 2, z: 3])
        }
    }

    @Test func undoingAMergeAfterTheVoterMovedTheMergedDotsKeepsTheirBallotWithinBudget() async throws {
        try await withServer { server in
            let (f, p, _) = try await Self.voting(server, ["X", "Y", "W", "Z"])
            let (x, y, w, z) = (p["X"]!, p["Y"]!, p["W"]!, p["Z"]!)
            let ballotPath = "/api/workshops/\(f.code)/ballot"
            #expect(try await f.reader.put(ballotPath, Self.support([(x, 2), (z, 3)])).status == 200)
            #expect(try await f.facilitator.post("/api/proposals/\(x)/merge", ["into": .integer(y)]).status == 200)
            #expect(try await f.reader.get(ballotPath).json["support"] == [String(y): 2, String(z): 3])
            // The voter moves the two dots they now see on Y to W.
            #expect(try await f.reader.put(ballotPath, Self.support([(w, 2), (z, 3)])).status == 200)
            #expect(try await f.facilitator.post("/api/proposals/\(x)/unmerge").status == 200)
            let ballot = try await f.reader.get(ballotPath)
            #expect(ballot.json["spent"] == 5)
            #expect(ballot.json["support"] == [String(w): 2, String(z): 3])
            #expect(ballot.json["notices"] == [])
            #expect(try await Self.tallies(f) == [w: 2, z: 3])
        }
    }

    @Test func mergingIntoTheVotersOwnProposalNeverCountsAsSelfSupportAndTheBallotStillResubmits() async throws {
        try await withServer { server in
            let (f, p, own) = try await Self.voting(server, ["A", "Z"])
            let (a, z) = (p["A"]!, p["Z"]!)
            let ballotPath = "/api/workshops/\(f.code)/ballot"
            #expect(try await f.reader.put(ballotPath, Self.support([(a, 2), (z, 3)])).status == 200)
            #expect(try await f.facilitator.post("/api/proposals/\(a)/merge", ["into": .integer(own)]).status == 200)
            let ballot = try await f.reader.get(ballotPath)
            #expect(ballot.json["support"] == [String(z): 3])
            #expect(ballot.json["notices"] == [["code": "own_proposal", "proposal": .integer(a), "into": .integer(own), "dots": 2, "counted": 0]])
            #expect(try await Self.tallies(f) == [z: 3])
            // Sending back exactly what the ballot page shows is always accepted.
            let resubmitted = try await f.reader.put(ballotPath, ["support": ballot.json["support"] ?? [:], "ratings": ballot.json["ratings"] ?? [:]])
            #expect(resubmitted.status == 200, "\(resubmitted)")
            let ranking = try await f.facilitator.get("/api/workshops/\(f.code)/ranking")
            let entries = ranking.json["entries"]?.arrayValue ?? []
            #expect(entries.first { $0["id"] == .integer(own) }?["support"]?["dots"] == 0)
        }
    }
}
