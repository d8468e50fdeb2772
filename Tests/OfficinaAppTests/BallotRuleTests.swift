import Foundation
import Testing
@testable import OfficinaApp

/// The ballot rules as the API answers them: budget, cap, self-support, ratings, unknown
/// proposals, approval values; the settings lock; merges that move support and undo cleanly.
@Suite(.timeLimit(.minutes(10))) struct BallotRuleTests {
    /// A workshop in voting with proposals by the author (first) and the reader (second).
    static func voting(_ server: TestServer) async throws -> (Fixture, Int64) {
        let f = try await Fixture.make(server)
        let second = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Laboratorio di riparazione", "goals": ["space"]])
        let secondID = Int64(try #require(second.json["id"]?.doubleValue))
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
        return (f, secondID)
    }

    @Test func eachBallotRuleAnswersWithItsCode() async throws {
        try await withServer { server in
            let (f, secondID) = try await Self.voting(server)
            let path = "/api/workshops/\(f.code)/ballot"
            let first = String(f.proposalID), second = String(secondID)
            let cases: [(JSONValue, String)] = [
                (["support": [first: 4]], "cap"),
                (["support": [first: 3, second: 3]], "budget"),
                (["support": [second: 1]], "self_support"),
                (["support": ["999999": 1]], "unknown_proposal"),
                (["support": ["seven": 1]], "proposal_id"),
                (["ratings": [first: ["space": 5]]], "rating"),
                (["ratings": [first: ["moon": 2]]], "unknown_goal"),
            ]
            for (ballot, code) in cases {
                let response = try await f.reader.put(path, ballot)
                #expect(response.status == 422, "\(ballot.text): \(response)")
                #expect(response.errorCode == code, "\(ballot.text)")
            }
            // Nothing of the refused ballots was stored.
            #expect(try await f.reader.get(path).json["spent"] == 0)
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/stats").json["ballots"] == 0)
        }
    }

    @Test func nonCanonicalBallotKeysAreRefusedInsteadOfCollapsingOntoOneProposal() async throws {
        try await withServer { server in
            let (f, _) = try await Self.voting(server)
            let path = "/api/workshops/\(f.code)/ballot"
            let id = String(f.proposalID)
            for key in ["0" + id, "+" + id, " " + id, id + ".0", "-" + id, "0"] {
                let body: JSONValue = ["support": .object([(id, .int(1)), (key, .int(2))])]
                let response = try await f.reader.put(path, body)
                #expect(response.status == 422, "\(key): \(response)")
                #expect(response.errorCode == "proposal_id", "\(key)")
                #expect(response.errorField == "support.\(key)", "\(key)")
                let rated = try await f.reader.put(path, ["ratings": .object([(key, ["space": .int(2)] as JSONValue)])])
                #expect(rated.errorField == "ratings.\(key)", "\(key)")
            }
            #expect(try await f.reader.get(path).json["spent"] == 0)
            #expect(try await f.reader.put(path, ["support": [id: 2]]).status == 200)
        }
    }

    @Test func approvalVotingTakesOneVotePerProposal() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["votingMethod": "approval"]])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let path = "/api/workshops/\(f.code)/ballot"
            #expect(try await f.reader.put(path, ["support": [String(f.proposalID): 2]]).errorCode == "approval_value")
            let ok = try await f.reader.put(path, ["support": [String(f.proposalID): 1]])
            #expect(ok.status == 200)
            #expect(ok.json["method"] == "approval")
        }
    }

    @Test func aBallotIsReplacedWholeNotAppended() async throws {
        try await withServer { server in
            let (f, _) = try await Self.voting(server)
            let path = "/api/workshops/\(f.code)/ballot"
            try await f.reader.put(path, ["support": [String(f.proposalID): 3], "ratings": [String(f.proposalID): ["space": 2]]])
            try await f.reader.put(path, ["support": [String(f.proposalID): 1]])
            let ballot = try await f.reader.get(path)
            #expect(ballot.json["support"] == [String(f.proposalID): 1])
            #expect(ballot.json["ratings"] == [:])
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/stats").json["ballots"] == 1)
        }
    }

    @Test func votingSettingsLockOnceABallotExists() async throws {
        try await withServer { server in
            let (f, _) = try await Self.voting(server)
            #expect(try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["dotBudget": 7]]).status == 200)
            try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]])
            for setting: JSONValue in [["dotBudget": 9], ["votingMethod": "approval"], ["perProposalCap": 1], ["allowSelfSupport": true]] {
                let response = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": setting])
                #expect(response.status == 409, "\(setting.text)")
                #expect(response.errorCode == "locked")
            }
            let workshop = try await f.anonymous.get("/api/workshops/\(f.code)")
            #expect(workshop.json["settings"]?["dotBudget"] == 7)
            #expect(workshop.json["locked"] == true)
        }
    }

    @Test func mergingMovesSupportOncePerParticipantAndUnmergingRestoresIt() async throws {
        try await withServer { server in
            let (f, secondID) = try await Self.voting(server)
            let voter = server.browser()
            try await voter.post("/api/join", ["code": .string(f.code), "name": "Voter"])
            // The voter backs both proposals; merging must not count them twice beyond the cap of 3.
            try await voter.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 2, String(secondID): 2]])
            let merged = try await f.facilitator.post("/api/proposals/\(secondID)/merge", ["into": .integer(f.proposalID)])
            #expect(merged.status == 200)
            #expect(merged.json["into"]?["tally"] == ["support": 3, "supporters": 1])
            let ballot = try await voter.get("/api/workshops/\(f.code)/ballot")
            #expect(ballot.json["support"] == [String(f.proposalID): 3])
            let undone = try await f.facilitator.post("/api/proposals/\(secondID)/unmerge")
            #expect(undone.status == 200)
            #expect(undone.json["proposal"]?["status"] == "visible")
            let restored = try await voter.get("/api/workshops/\(f.code)/ballot")
            #expect(restored.json["support"] == [String(f.proposalID): 2, String(secondID): 2])
            let trail = try await f.facilitator.get("/api/workshops/\(f.code)/merges")
            #expect(trail.json["merges"]?.arrayValue?.first?["undoneAt"]?.stringValue != nil)
            #expect(try await f.facilitator.post("/api/proposals/\(secondID)/unmerge").errorCode == "not_merged")
            #expect(try await f.facilitator.post("/api/proposals/\(secondID)/merge", ["into": .integer(secondID)]).errorCode == "same_proposal")
        }
    }

    @Test func singleUseAccessCodesLetExactlyOnePersonJoin() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["requireAccessCode": true]])
            let generated = try await f.facilitator.post("/api/workshops/\(f.code)/access-codes", ["count": 3])
            #expect(generated.status == 201)
            let codes = generated.json["codes"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(codes.count == 3)
            let tickets = try await f.facilitator.get("/api/workshops/\(f.code)/access-codes/tickets")
            #expect(tickets.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(codes.allSatisfy { tickets.text.contains($0) })
            #expect(tickets.header("Content-Security-Policy")?.contains("script") == false)
            let first = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Uno", "accessCode": .string(codes[0].lowercased())])
            #expect(first.status == 201)
            let again = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Due", "accessCode": .string(codes[0])])
            #expect(again.status == 403)
            #expect(again.errorCode == "access_code")
            let none = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Tre"])
            #expect(none.errorCode == "access_code")
            let remaining = try await f.facilitator.get("/api/workshops/\(f.code)/access-codes/tickets")
            #expect(!remaining.text.contains(codes[0]))
        }
    }

    @Test func shuffledProposalsAreStablePerParticipantAndDifferAcrossThem() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["shuffleProposals": true]])
            for index in 0..<12 { try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string("Idea numero \(index)")]) }
            func order(_ browser: Browser) async throws -> [JSONValue] {
                try await browser.get("/api/workshops/\(f.code)/proposals").json["proposals"]?.arrayValue?.compactMap { $0["id"] } ?? []
            }
            let readerOrder = try await order(f.reader)
            #expect(try await order(f.reader) == readerOrder)
            #expect(try await order(f.author) != readerOrder)
            #expect(Set(try await order(f.author)) == Set(readerOrder))
        }
    }
}
