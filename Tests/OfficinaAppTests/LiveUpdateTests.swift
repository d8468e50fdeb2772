import Foundation
import Testing
@testable import OfficinaApp

/// Server-sent events: what each viewer receives, tallies coalesced to at most 4 a second
/// however many ballots arrive, and resuming with `Last-Event-ID` without a gap.
@Suite(.timeLimit(.minutes(10))) struct LiveUpdateTests {
    @Test func proposalsAndPhaseChangesArriveLiveWithIncreasingIDs() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.filter { $0.name == "tally" }.isEmpty })
            #expect(stream.head.contains("text/event-stream"))
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Cinema all'aperto"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            #expect(await stream.wait { events in events.contains { $0.name == "workshop" && $0.json["phase"] == "voting" } })
            let proposal = try #require(stream.events(named: "proposal").first)
            #expect(proposal.json["title"] == "Cinema all'aperto")
            let ids = stream.events.filter { $0.name != "tally" }.compactMap { $0.id.flatMap(Int.init) }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        }
    }

    @Test func talliesAreCoalescedToAtMostFourASecondHoweverManyVotesArrive() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.facilitator.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.isEmpty })
            let voters = (0..<20).map { _ in server.browser() }
            for (index, voter) in voters.enumerated() {
                try await voter.post("/api/join", ["code": .string(f.code), "name": .string("Votante \(index)")])
            }
            let before = stream.events(named: "tally").count
            let start = Date()
            // 20 voters change their ballot 5 times each: 100 ballot writes.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for voter in voters {
                    group.addTask {
                        for dots in [1, 2, 3, 1, 2] {
                            let response = try await voter.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): .int(dots)]])
                            if response.status != 200 { throw TestFailure("ballot refused: \(response)") }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // The final state arrives (every voter's last ballot put 2 dots)…
            let final: JSONValue = ["support": 40, "supporters": 20]
            let arrived = await stream.wait(timeout: 15) { events in
                events.last { $0.name == "tally" }?.json["tallies"]?[String(f.proposalID)] == final
            }
            #expect(arrived)
            #expect(stream.events(named: "tally").last?.json["ballots"] == 20)
            // …in no more pushes than four a second allow, where one per ballot would be 100.
            let elapsed = Date().timeIntervalSince(start)
            let tallies = stream.events(named: "tally").count - before
            #expect(tallies >= 1)
            #expect(Double(tallies) <= elapsed * 4 + 1, "\(tallies) tallies in \(elapsed) s")
        }
    }

    @Test func aChangeWaitsBrieflyForTheOnesBehindItAndNeverPassesTheRateLimit() {
        let interval = 0.25, gather = LiveHub.tallyGather
        #expect(gather > 0 && gather < interval)
        // Idle for a while: the first change waits only the gathering window.
        #expect(LiveHub.tallyDelay(lastTallyAt: 100, now: 200, interval: interval) == gather)
        // Right after a tally: the rest of the interval.
        #expect(abs(LiveHub.tallyDelay(lastTallyAt: 100, now: 100.05, interval: interval) - 0.2) < 1e-9)
        // Late in the interval: still the gathering window, never less.
        #expect(LiveHub.tallyDelay(lastTallyAt: 100, now: 100.24, interval: interval) == gather)
    }

    @Test func participantsDoNotSeeTalliesUnlessTheWorkshopShowsThem() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "voting")
            let participant = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            let facilitator = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.facilitator.cookies)
            defer { participant.close(); facilitator.close() }
            #expect(await participant.wait { !$0.isEmpty })
            #expect(await facilitator.wait { !$0.isEmpty })
            try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]])
            #expect(await facilitator.wait { $0.contains { $0.name == "tally" && $0.json["ballots"] == 1 } })
            #expect(await participant.wait { $0.contains { $0.name == "tally" && $0.json["ballots"] == 1 } })
            #expect(participant.events(named: "tally").allSatisfy { $0.json["tallies"] == .null })
            #expect(facilitator.events(named: "tally").last?.json["tallies"]?[String(f.proposalID)]?["support"] == 1)
            let listed = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(listed.json["proposals"]?.arrayValue?.first?["tally"] == .null)

            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["showLiveTallies": true]])
            #expect(await participant.wait { $0.last { $0.name == "tally" }?.json["tallies"] != .null })
            let shown = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(shown.json["proposals"]?.arrayValue?.first?["tally"]?["support"] == 1)
        }
    }

    @Test func aReconnectingClientResumesFromLastEventIDWithoutAGap() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let first = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            // A fresh stream is live once its first tally arrives; events before that are the REST state's.
            #expect(await first.wait { !$0.isEmpty })
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Prima"])
            #expect(await first.wait { $0.contains { $0.name == "proposal" } })
            let lastSeen = try #require(first.events(named: "proposal").last?.id)
            first.close()
            // While disconnected: two proposals and a phase change.
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Seconda"])
            try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Terza"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let resumed = try EventStreamReader(
                port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies, lastEventID: lastSeen)
            defer { resumed.close() }
            #expect(await resumed.wait { $0.contains { $0.name == "tally" } })
            let missed = resumed.events.filter { $0.name != "tally" }
            #expect(missed.map(\.name) == ["proposal", "proposal", "workshop"])
            #expect(missed.compactMap { $0.json["title"]?.stringValue } == ["Seconda", "Terza"])
            let ids = missed.compactMap { $0.id.flatMap(Int.init) }
            let last = try #require(Int(lastSeen))
            #expect(ids == [last + 1, last + 2, last + 3])
            // And live events follow the replay.
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            #expect(await resumed.wait { $0.contains { $0.name == "workshop" && $0.json["phase"] == "closed" } })
        }
    }

    @Test func aLastEventIDOlderThanThePrunedLogGetsASnapshotInsteadOfAGap() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let first = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            #expect(await first.wait { !$0.isEmpty })
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Prima"])
            #expect(await first.wait { $0.contains { $0.name == "proposal" } })
            let lastSeen = try #require(first.events(named: "proposal").last?.id.flatMap(Int64.init))
            first.close()
            // While disconnected: a proposal and a phase change, then the log is pruned past the
            // client's last event, as the server does every 500 events.
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Seconda"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let workshopID = try server.store.read { db in try db.programmes.list()[0].workshops[0].id }
            let pruned = try server.store.writeBlocking { db in try db.events.prune(workshopID: workshopID, keepingLast: 1) }
            #expect(pruned > 0)
            let latest = try server.store.read { db in try db.events.latestSeq(workshopID: workshopID) }
            let oldest = try #require(try server.store.read { db in try db.events.oldestSeq(workshopID: workshopID) })
            #expect(oldest > lastSeen + 1, "the pruned log still holds the event after the client's")

            let resumed = try EventStreamReader(
                port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies, lastEventID: String(lastSeen))
            defer { resumed.close() }
            #expect(await resumed.wait { $0.contains { $0.name == "tally" } })
            // Not a replay with a hole in it: one snapshot of the whole workshop, as of the latest event.
            let replayed = resumed.events.filter { $0.name != "tally" }
            #expect(replayed.map(\.name) == ["workshop"])
            let snapshot = try #require(replayed.first)
            #expect(snapshot.id == String(latest))
            #expect(snapshot.json["phase"] == "voting")
            let rest = try await f.reader.get("/api/workshops/\(f.code)")
            #expect(rest.json["counts"] != nil)
            #expect(snapshot.json["counts"] == rest.json["counts"])
            // And live events follow the snapshot.
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            #expect(await resumed.wait { $0.contains { $0.name == "workshop" && $0.json["phase"] == "closed" } })
        }
    }

    @Test func aHiddenProposalsTextNeverReachesParticipantsLive() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.isEmpty })
            try await f.facilitator.patch("/api/proposals/\(f.proposalID)", ["status": "hidden"])
            #expect(await stream.wait { $0.contains { $0.name == "proposal" } })
            let event = try #require(stream.events(named: "proposal").last)
            #expect(event.json["status"] == "hidden")
            #expect(event.json["title"] == "")
        }
    }

    @Test func anUnknownWorkshopHasNoStream() async throws {
        try await withServer { server in
            let response = try await server.browser().get("/api/workshops/QQQQQQ/events")
            #expect(response.status == 404)
            #expect(response.errorCode == "not_found")
        }
    }
}
