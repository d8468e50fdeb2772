import Foundation
import OfficinaCore
import Testing
@testable import OfficinaApp

/// Pairwise voting through a real server: the method as a setting, pairs offered and answered,
/// the ranking from comparisons, and every way an answer is refused.
@Suite(.timeLimit(.minutes(10))) struct PairwiseRouteTests {
    /// A pairwise workshop in voting with `count` proposals (the fixture's first, then the reader's).
    static func pairwise(_ server: TestServer, count: Int = 4) async throws -> (Fixture, [Int64]) {
        let f = try await Fixture.make(server)
        var ids = [f.proposalID]
        for index in 1..<count {
            let added = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": .string("Idea numero \(index)")])
            ids.append(Int64(try #require(added.json["id"]?.doubleValue)))
        }
        let set = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["votingMethod": "pairwise"]])
        #expect(set.status == 200, "\(set)")
        #expect(set.json["settings"]?["votingMethod"]?.stringValue == "pairwise")
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
        return (f, ids)
    }

    /// A participant of the workshop who proposed nothing, so every pair can be offered to them.
    static func voter(_ f: Fixture, name: String = "Votante") async throws -> Browser {
        let voter = f.server.browser()
        let joined = try await voter.post("/api/join", ["code": .string(f.code), "name": .string(name)])
        #expect(joined.status == 201, "\(joined)")
        return voter
    }

    static func pair(_ response: TestResponse) -> (ids: [Int64], offer: String)? {
        guard let cards = response.json["pair"]?.arrayValue, cards.count == 2,
              let offer = response.json["offer"]?.stringValue else { return nil }
        return (cards.compactMap { $0["id"]?.doubleValue.map { Int64($0) } }, offer)
    }

    @Test func aParticipantAnswersEveryOfferedPairOnceAndTheRankingFollowsTheAnswers() async throws {
        try await withServer { server in
            let (f, ids) = try await Self.pairwise(server)
            let voter = try await Self.voter(f)
            let path = "/api/workshops/\(f.code)/pair"
            var seen: Set<[Int64]> = []
            // Always prefer the lowest id: four proposals make six pairs, then nothing is left.
            for step in 0..<6 {
                let offered = try await voter.get(path)
                #expect(offered.status == 200, "\(offered)")
                let (pair, offer) = try #require(Self.pair(offered), "\(offered)")
                #expect(offered.json["answered"]?.doubleValue == Double(step))
                #expect(seen.insert(pair.sorted()).inserted, "pair \(pair) offered twice")
                let winner = pair.min()!, loser = pair.max()!
                let answer = try await voter.post("/api/workshops/\(f.code)/comparisons",
                                                     ["winner": .integer(winner), "loser": .integer(loser), "offer": .string(offer)])
                #expect(answer.status == 201, "\(answer)")
                #expect(answer.json["answered"]?.doubleValue == Double(step + 1))
                let again = try await voter.post("/api/workshops/\(f.code)/comparisons",
                                                    ["winner": .integer(winner), "loser": .integer(loser), "offer": .string(offer)])
                #expect(again.status == 409)
                #expect(again.errorCode == "answered")
            }
            let done = try await voter.get(path)
            #expect(done.json["done"] == true)
            #expect(done.json["pair"] == .null)
            #expect(done.json["comparisons"]?.doubleValue == 6)

            let ranking = try await f.facilitator.get("/api/workshops/\(f.code)/ranking")
            #expect(ranking.status == 200)
            #expect(ranking.json["method"]?["name"]?.stringValue == "pairwise-1")
            let order = (ranking.json["entries"]?.arrayValue ?? []).compactMap { $0["id"]?.doubleValue.map { Int64($0) } }
            #expect(order == ids.sorted())
            #expect(ranking.json["entries"]?.arrayValue?.first?["support"]?["dots"]?.doubleValue == 3)
            let csv = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=csv&lang=en")
            #expect(csv.status == 200)
            // No empty per-goal columns; the support columns are named for comparisons.
            let header = csv.text.split(separator: "\r\n").first.map(String.init) ?? ""
            #expect(!header.contains(": score") && header.contains("times chosen"), "\(header)")

            // The method is locked now that comparisons exist, and ballots are refused.
            let relock = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["votingMethod": "dots"]])
            #expect(relock.status == 409)
            #expect(relock.errorCode == "locked")
            let ballot = try await f.reader.put("/api/workshops/\(f.code)/ballot", ["ratings": [String(ids[0]): ["space": 3]]])
            #expect(ballot.status == 409)
            #expect(ballot.errorCode == "method")
        }
    }

    @Test func answersThatWereNotOfferedOrAreMalformedAreRefusedWithTheirCodes() async throws {
        try await withServer { server in
            let (f, ids) = try await Self.pairwise(server)
            let voter = try await Self.voter(f)
            let path = "/api/workshops/\(f.code)/comparisons"
            let (pair, offer) = try #require(Self.pair(try await voter.get("/api/workshops/\(f.code)/pair")))
            let unoffered = ids.filter { !pair.contains($0) }
            let cases: [(JSONValue, Int, String)] = [
                (["winner": .integer(unoffered[0]), "loser": .integer(unoffered[1]), "offer": .string(offer)], 422, "offer"),
                (["winner": .integer(pair[0]), "loser": .integer(pair[1]), "offer": "forged"], 422, "offer"),
                (["winner": .integer(pair[0]), "loser": .integer(pair[0]), "offer": .string(offer)], 422, "comparison"),
                (["winner": .integer(pair[0]), "loser": .integer(pair[1]), "skip": [.integer(pair[0]), .integer(pair[1])],
                  "offer": .string(offer)], 422, "comparison"),
                (["skip": [.integer(pair[0])], "offer": .string(offer)], 422, "type"),
                (["winner": "one", "loser": .integer(pair[1]), "offer": .string(offer)], 422, "type"),
                (["offer": .string(offer)], 422, "comparison"),
                (["winner": .integer(pair[0]), "loser": .integer(pair[1]), "offer": .string(offer), "extra": 1], 422, "unknown_field"),
            ]
            for (body, status, code) in cases {
                let response = try await voter.post(path, body)
                #expect(response.status == status, "\(body.text): \(response)")
                #expect(response.errorCode == code, "\(body.text): \(response)")
            }
            let noOffer = try await voter.post(path, ["winner": .integer(pair[0]), "loser": .integer(pair[1])])
            #expect((400...499).contains(noOffer.status) && noOffer.errorCode != nil, "\(noOffer)")
            // Another workshop's participant and an anonymous caller are not participants here.
            #expect(try await f.outsider.get("/api/workshops/\(f.code)/pair").status == 403)
            #expect(try await f.anonymous.post(path, ["skip": [.integer(pair[0]), .integer(pair[1])], "offer": .string(offer)]).status == 403)
            // The offered pair can be skipped, once; nothing refused was stored.
            let skip = try await voter.post(path, ["skip": [.integer(pair[1]), .integer(pair[0])], "offer": .string(offer)])
            #expect(skip.status == 201, "\(skip)")
            #expect(skip.json["answered"]?.doubleValue == 1)
            let next = try #require(Self.pair(try await voter.get("/api/workshops/\(f.code)/pair")))
            #expect(Set(next.ids) != Set(pair))
        }
    }

    @Test func pairsFollowThePhaseTheMethodAndTheProposalsStatus() async throws {
        try await withServer { server in
            let (f, ids) = try await Self.pairwise(server, count: 5)
            let voter = try await Self.voter(f), latecomer = try await Self.voter(f, name: "Ritardataria")
            // A ballot workshop (the fixture's other one) offers no pairs.
            try await f.facilitator.post("/api/workshops/\(f.otherCode)/phase", ["phase": "voting"])
            let refused = try await f.outsider.get("/api/workshops/\(f.otherCode)/pair")
            #expect(refused.status == 409)
            #expect(refused.errorCode == "method")

            // A hidden proposal is never offered: four visible proposals make six pairs.
            #expect(try await f.facilitator.patch("/api/proposals/\(ids[2])", ["status": "hidden"]).status == 200)
            var offered: [[Int64]] = []
            while offered.count < 20, case let (pair, offer)? = Self.pair(try await voter.get("/api/workshops/\(f.code)/pair")) {
                offered.append(pair)
                let answer = try await voter.post("/api/workshops/\(f.code)/comparisons",
                                                     ["winner": .integer(pair[0]), "loser": .integer(pair[1]), "offer": .string(offer)])
                #expect(answer.status == 201)
            }
            #expect(offered.count == 6)
            #expect(!offered.joined().contains(ids[2]))
            // Once voting closes, no more pairs and no more answers.
            let waiting = try #require(Self.pair(try await latecomer.get("/api/workshops/\(f.code)/pair")))
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let closed = try await latecomer.get("/api/workshops/\(f.code)/pair")
            #expect(closed.status == 409)
            #expect(closed.errorCode == "phase")
            let late = try await latecomer.post("/api/workshops/\(f.code)/comparisons",
                                               ["skip": [.integer(waiting.ids[0]), .integer(waiting.ids[1])], "offer": .string(waiting.offer)])
            #expect(late.status == 409)
            #expect(late.errorCode == "phase")
            let ranking = try await f.reader.get("/api/workshops/\(f.code)/ranking")
            #expect(ranking.json["counts"]?["ballots"]?.doubleValue == 1)
        }
    }

    @Test func aParticipantIsNeverOfferedTheirOwnProposalAndAnAnswerNamingItIsRefused() async throws {
        try await withServer { server in
            // The author proposed ids[0], the reader ids[1...3].
            let (f, ids) = try await Self.pairwise(server)
            let pairPath = "/api/workshops/\(f.code)/pair", answerPath = "/api/workshops/\(f.code)/comparisons"
            var offered: [[Int64]] = []
            while offered.count < 10, case let (pair, offer)? = Self.pair(try await f.author.get(pairPath)) {
                offered.append(pair)
                // The first answer is a choice, the rest skips.
                let body: JSONValue = offered.count == 1
                    ? ["winner": .integer(pair.min()!), "loser": .integer(pair.max()!), "offer": .string(offer)]
                    : ["skip": [.integer(pair[0]), .integer(pair[1])], "offer": .string(offer)]
                let answer = try await f.author.post(answerPath, body)
                #expect(answer.status == 201, "\(answer)")
            }
            // Only the three pairs among the reader's proposals, never one with the author's own.
            #expect(offered.count == 3, "\(offered)")
            #expect(!offered.joined().contains(ids[0]), "\(offered)")
            // The reader has one other proposal only: no pair, as when every pair is answered.
            let none = try await f.reader.get(pairPath)
            #expect(none.status == 200, "\(none)")
            #expect(none.json["pair"] == .null)
            #expect(none.json["done"] == true)

            // A correctly signed offer for a pair with one's own proposal (as an older server could
            // have issued) is refused too, for a choice and for a skip, and nothing is stored.
            let owner = try server.store.read { db in
                (workshop: try #require(try db.proposals.find(id: ids[0])).workshopID,
                 author: try #require(try db.proposals.find(id: ids[0])).authorID)
            }
            let own = try #require(ProposalPair(ids[0], ids[1]))
            let secret = try server.store.read { db in try db.scoring.exposureSecret() }
            let offer = PairOffer.token(secret: secret, workshopID: owner.workshop, participantID: owner.author, pair: own)
            let bodies: [JSONValue] = [
                ["winner": .integer(ids[0]), "loser": .integer(ids[1]), "offer": .string(offer)],
                ["winner": .integer(ids[1]), "loser": .integer(ids[0]), "offer": .string(offer)],
                ["skip": [.integer(ids[1]), .integer(ids[0])], "offer": .string(offer)],
            ]
            for body in bodies {
                let refused = try await f.author.post(answerPath, body)
                #expect(refused.status == 403, "\(body.text): \(refused)")
                #expect(refused.errorCode == "own_proposal", "\(body.text): \(refused)")
            }
            let after = try await f.author.get(pairPath)
            #expect(after.json["answered"]?.doubleValue == 3)
            #expect(after.json["comparisons"]?.doubleValue == 3)

            // The author's one choice was honest; merged onto their own proposal, it no longer counts.
            let chosen = try #require(offered.first?.min())
            let merged = try await f.facilitator.post("/api/proposals/\(chosen)/merge", ["into": .integer(ids[0])])
            #expect(merged.status == 200, "\(merged)")
            let ranking = try await f.facilitator.get("/api/workshops/\(f.code)/ranking")
            let ownEntry = (ranking.json["entries"]?.arrayValue ?? []).first { $0["id"]?.doubleValue == Double(ids[0]) }
            #expect(ownEntry?["support"]?["dots"]?.doubleValue == 0, "\(ranking)")
        }
    }
}
