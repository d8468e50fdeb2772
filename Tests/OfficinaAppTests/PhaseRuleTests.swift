import Foundation
import Testing
@testable import OfficinaApp

/// Each phase rule of DESIGN.md §2, enforced by the server: a write in the wrong phase is a
/// 409 `phase` whose message names the phase; a passed deadline is a 409 `deadline`.
@Suite(.timeLimit(.minutes(10))) struct PhaseRuleTests {
    @Test func proposalsAndBuildOnsAreRefusedOutsideCollecting() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for phase in ["draft", "voting", "closed"] {
                try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": .string(phase)])
                let proposal = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Troppo tardi"])
                #expect(proposal.status == 409, "\(phase)")
                #expect(proposal.errorCode == "phase")
                #expect(proposal.json["error"]?["message"]?.stringValue?.contains(phase) == true, "message names \(phase)")
                let buildOn = try await f.reader.post("/api/proposals/\(f.proposalID)/buildons", ["text": "Tardi"])
                #expect(buildOn.errorCode == "phase", "\(phase)")
                let edit = try await f.author.patch("/api/proposals/\(f.proposalID)", ["title": "Modificata"])
                #expect(edit.errorCode == "phase", "\(phase)")
            }
            let stats = try await f.facilitator.get("/api/workshops/\(f.code)/stats")
            #expect(stats.json["proposals"] == 1)
            #expect(stats.json["buildOns"] == 0)
        }
    }

    @Test func ballotsAreRefusedOutsideVoting() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for phase in ["draft", "collecting", "closed"] {
                try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": .string(phase)])
                let ballot = try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]])
                #expect(ballot.status == 409, "\(phase)")
                #expect(ballot.errorCode == "phase")
            }
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            #expect(try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]]).status == 200)
        }
    }

    @Test func aFacilitatorCanReopenAPhaseAndEveryMoveIsLogged() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "collecting"])
            #expect(try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Riaperto"]).status == 201)
            let log = try await f.facilitator.get("/api/workshops/\(f.code)/phases")
            let moves = log.json["log"]?.arrayValue ?? []
            #expect(moves.map { $0["to"] } == ["collecting", "voting", "collecting"])
            #expect(moves.allSatisfy { $0["by"] == "facilitator" && $0["at"]?.stringValue != nil })
        }
    }

    @Test func aPassedDeadlineClosesThePhasesActions() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            // Order of events, not a fixed window: a proposal sent before the deadline is taken, one
            // sent after it (the same machine's clock) is refused. On a loaded machine the first post
            // may arrive late; the window then doubles, up to 9.6 s, instead of the test flaking.
            var deadline = Date()
            var accepted = false
            for (attempt, window) in [1.2, 2.4, 4.8, 9.6].enumerated() where !accepted {
                deadline = Date().addingTimeInterval(window)
                let text = deadline.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
                let moved: TestResponse
                if attempt == 0 {
                    moved = try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "collecting", "deadline": .string(text)])
                } else {
                    moved = try await f.facilitator.patch("/api/workshops/\(f.code)", ["deadline": .string(text)])
                }
                #expect(moved.status == 200)
                let early = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string("In tempo \(attempt)")])
                accepted = early.status == 201
                if !accepted { #expect(Date() >= deadline, "refused before its deadline: \(early.status)") }
            }
            #expect(accepted, "no proposal was taken before its deadline")
            while Date() <= deadline { try await Task.sleep(for: .milliseconds(50)) }
            let late = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Fuori tempo"])
            #expect(late.status == 409)
            #expect(late.errorCode == "deadline")
        }
    }

    @Test func aDeadlineInThePastOrForAPhaseWithoutOneIsRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let past = Date().addingTimeInterval(-60).formatted(.iso8601)
            let inPast = try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting", "deadline": .string(past)])
            #expect(inPast.status == 422)
            #expect(inPast.errorField == "deadline")
            let future = Date().addingTimeInterval(600).formatted(.iso8601)
            let closed = try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed", "deadline": .string(future)])
            #expect(closed.status == 422)
            // Neither refused move happened.
            #expect(try await f.anonymous.get("/api/workshops/\(f.code)").json["phase"] == "collecting")
        }
    }

    @Test func joiningAClosedWorkshopIsRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "closed")
            let late = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Ritardataria"])
            #expect(late.status == 409)
            #expect(late.errorCode == "phase")
        }
    }

    @Test func mergesAndModerationStopOnceClosed() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let other = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Altra"])
            let otherID = try #require(other.json["id"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            #expect(try await f.facilitator.post("/api/proposals/\(f.proposalID)/merge", ["into": otherID]).errorCode == "phase")
            #expect(try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "hidden"]).errorCode == "phase")
        }
    }
}
