import Foundation
import OfficinaCore
import Testing
@testable import OfficinaApp

/// "Close automatically at the deadline": the server moves the phase by itself, with nobody
/// connected, logs it, announces it live, and picks the schedule up again from the database at start.
@Suite struct DeadlineSchedulerTests {
    static func soon(_ seconds: Double) -> JSONValue {
        .string(Date().addingTimeInterval(seconds).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }

    /// Polls the workshop until its phase is `phase` (liveness bound: 30 s).
    static func phase(_ server: TestServer, _ code: String, becomes phase: String) async throws -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            if try await server.browser().get("/api/workshops/\(code)").json["phase"]?.stringValue == phase { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func theServerMovesCollectingToVotingAtTheDeadlineWithNobodyConnected() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let moved = try await f.facilitator.post("/api/workshops/\(f.code)/phase",
                                                     ["phase": "collecting", "deadline": Self.soon(1.5), "autoAdvance": true])
            #expect(moved.status == 200)
            #expect(moved.json["autoAdvance"] == true)
            #expect(try await Self.phase(server, f.code, becomes: "voting"))
            let workshop = try await server.browser().get("/api/workshops/\(f.code)")
            #expect(workshop.json["deadline"] == .null)
            let log = try await f.facilitator.get("/api/workshops/\(f.code)/phases")
            #expect(log.json["log"]?.arrayValue?.last?["by"]?.stringValue == DeadlineScheduler.actor)
        }
    }

    @Test func theMoveIsAnnouncedLiveAndVotingClosesTheSameWay() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            let events = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            defer { events.close() }
            #expect(await events.wait { !$0.filter { $0.name == "tally" }.isEmpty })
            let set = try await f.facilitator.patch("/api/workshops/\(f.code)", ["deadline": Self.soon(1.5), "autoAdvance": true])
            #expect(set.status == 200)
            #expect(await events.wait(timeout: 10) { $0.contains { $0.name == "workshop" && $0.json["phase"] == "closed" } })
        }
    }

    @Test func withoutTheChoiceTheDeadlineOnlyStopsActions() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "collecting", "deadline": Self.soon(1)])
            try await Task.sleep(for: .milliseconds(2_500))
            #expect(try await server.browser().get("/api/workshops/\(f.code)").json["phase"] == "collecting")
        }
    }

    @Test func aScheduleStoredBeforeARestartIsCarriedOutAtStart() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            // As a database left by a server that stopped before the deadline: the choice is on and
            // the deadline has passed, but no scheduler of this process knows about it.
            try server.store.writeBlocking { db in
                guard let code = JoinCode(f.code), let workshop = try db.workshops.find(code: code) else { return }
                var changed = workshop
                changed.deadline = Date().addingTimeInterval(-5)
                _ = try db.workshops.update(changed)
                try db.autoAdvance.set(workshopID: workshop.id, enabled: true)
            }
            let restarted = Application(configuration: server.application.context.configuration, store: server.store)
            defer { restarted.context.deadlines.stop() }
            #expect(try await Self.phase(server, f.code, becomes: "voting"))
        }
    }
}
