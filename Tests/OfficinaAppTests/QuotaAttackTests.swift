import Foundation
import Testing
@testable import OfficinaApp

/// Attacks by one participant flooding a workshop (issue 10, High): a thousand proposals in a second,
/// hundreds of build-ons, edits in a loop. Quotas are counted in the store's write transaction, so they
/// hold when the requests arrive all at once.
@Suite struct QuotaAttackTests {
    /// Posts `count` proposals at once from `browser` and returns the statuses and error codes.
    static func flood(_ browser: Browser, code: String, count: Int, label: String) async throws -> [(Int, String?)] {
        try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for index in 0..<count {
                group.addTask {
                    let response = try await browser.post("/api/workshops/\(code)/proposals", ["title": .string("\(label) \(index)")])
                    return (response.status, response.errorCode)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func aParticipantPostingThirtyProposalsAtOnceGetsTheDefaultTenAndClearRefusals() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            // The fixture's author has one proposal already; the default quota is 10.
            let results = try await Self.flood(f.author, code: f.code, count: 30, label: "Spam")
            #expect(results.filter { $0.0 == 201 }.count == 9)
            #expect(results.filter { $0.0 == 409 && $0.1 == "proposal_quota" }.count == 21)
            let stored = try await f.facilitator.get("/api/workshops/\(f.code)").json["counts"]?["proposals"]
            #expect(stored == 10)
            // Someone else still may propose.
            #expect(try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Un'idea vera"]).status == 201)
        }
    }

    @Test func theWorkshopCapHoldsWhenManyParticipantsPostAtOnce() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let set = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["maxProposals": 6]])
            #expect(set.json["settings"]?["maxProposals"] == 6)
            var crowd: [Browser] = []
            for index in 0..<4 {
                let browser = server.browser()
                try await browser.post("/api/join", ["code": .string(f.code), "name": .string("Bot \(index)")])
                crowd.append(browser)
            }
            let results = try await withThrowingTaskGroup(of: [(Int, String?)].self) { group in
                for (index, browser) in crowd.enumerated() {
                    group.addTask { try await Self.flood(browser, code: f.code, count: 4, label: "Bot \(index)") }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            // One proposal existed; five more fit.
            #expect(results.filter { $0.0 == 201 }.count == 5)
            #expect(results.filter { $0.0 == 409 && $0.1 == "proposal_cap" }.count == 11)
            let total = try await f.facilitator.get("/api/workshops/\(f.code)").json["counts"]?["proposals"]
            #expect(total == 6)
        }
    }

    @Test func aBuildOnFloodStopsAtTheQuota() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["buildOnsPerParticipant": 3]])
            let path = "/api/proposals/\(f.proposalID)/buildons"
            let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for index in 0..<12 {
                    group.addTask {
                        let response = try await f.reader.post(path, ["text": .string(String(repeating: "b", count: 400) + "\(index)")])
                        return (response.status, response.errorCode)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == 201 }.count == 3)
            #expect(statuses.filter { $0.0 == 409 && $0.1 == "buildon_quota" }.count == 9)
            #expect(try await f.author.post(path, ["text": "Anch'io"]).status == 201)
        }
    }

    @Test func editsInALoopAreAnswered429WithRetryAfterButFacilitatorsAreNotLimited() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["editsPerMinute": 3]])
            let path = "/api/proposals/\(f.proposalID)"
            var statuses: [Int] = []
            var last: TestResponse?
            for index in 0..<5 {
                let response = try await f.author.patch(path, ["body": .string(String(repeating: "e", count: 1_900) + "\(index)")])
                statuses.append(response.status)
                last = response
            }
            #expect(statuses == [200, 200, 200, 429, 429])
            #expect(last?.errorCode == "edit_rate")
            let wait = Int(last?.header("Retry-After") ?? "") ?? 0
            #expect((1...60).contains(wait))
            for index in 0..<5 {
                #expect(try await f.facilitator.patch(path, ["title": .string("Rivisto \(index)")]).status == 200)
            }
        }
    }

    @Test func quotaSettingsAreValidatedAndShown() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let shown = try await f.anonymous.get("/api/workshops/\(f.code)").json["settings"]
            #expect(shown?["proposalsPerParticipant"] == 10)
            #expect(shown?["buildOnsPerParticipant"] == 30)
            #expect(shown?["editsPerMinute"] == 20)
            #expect(shown?["maxProposals"] == 300)
            for (name, bad) in [("proposalsPerParticipant", 0), ("buildOnsPerParticipant", 501), ("editsPerMinute", 0), ("maxProposals", 2_001)] {
                let response = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": [name: .int(bad)]])
                #expect(response.status == 422, "\(name)")
                #expect(response.errorField == "settings.\(name)")
            }
            let raised = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["proposalsPerParticipant": 50]])
            #expect(raised.json["settings"]?["proposalsPerParticipant"] == 50)
        }
    }
}
