import Foundation
import OfficinaHTTP
import OfficinaStore
import Testing
@testable import OfficinaApp

/// Two instances on one PostgreSQL database (`OFFICINA_TEST_DB=postgres://…`): what is written
/// through instance A reaches the live streams of instance B, announced by LISTEN/NOTIFY.
@Suite(.enabled(if: TestDatabase.postgresURL != nil, "needs OFFICINA_TEST_DB=postgres://…"), .timeLimit(.minutes(10)))
struct CrossInstanceLiveTests {
    /// A second Officina instance on the first one's database.
    final class SecondInstance: @unchecked Sendable {
        let application: Application
        let http: HTTPServer

        init(sharing first: TestServer) throws {
            var configuration = first.application.context.configuration
            configuration.port = 0
            application = Application(configuration: configuration, store: try Store.open(configuration.databasePath))
            var server = ServerConfiguration()
            server.port = 0
            server.ioThreads = 1
            server.accessLog = .disabled
            server.shutdownTimeout = 2
            http = HTTPServer(configuration: server, responder: application.router)
            try http.start()
            application.context.serverStarted(port: http.port)
        }

        func stop() {
            http.shutdown()
            application.shutdown()
        }
    }

    @Test func aBallotAndAProposalThroughOneInstanceReachStreamsOnTheOther() async throws {
        try await withServer { a in
            let f = try await Fixture.make(a, phase: "collecting")
            let b = try await offPool { try SecondInstance(sharing: a) }
            defer { b.stop() }
            let stream = try EventStreamReader(port: b.http.port, path: "/api/workshops/\(f.code)/events", cookies: f.facilitator.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.filter { $0.name == "tally" }.isEmpty })

            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Orto condiviso"])
            #expect(await stream.wait(timeout: 10) { $0.contains { $0.name == "proposal" && $0.json["title"] == "Orto condiviso" } })

            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let ballot = try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): .int(2)]])
            #expect(ballot.status == 200)
            let tallied = await stream.wait(timeout: 10) { events in
                events.last { $0.name == "tally" }?.json["tallies"]?[String(f.proposalID)]?["supporters"] == 1
            }
            #expect(tallied)
            // Each event once, in order, whichever instance wrote it.
            let ids = stream.events.filter { $0.name != "tally" }.compactMap { $0.id.flatMap(Int.init) }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
        }
    }

    @Test func aRankingCachedOnOneInstanceIsRecomputedAfterABallotOnTheOther() async throws {
        try await withServer { a in
            let f = try await Fixture.make(a, phase: "voting")
            let b = try await offPool { try SecondInstance(sharing: a) }
            defer { b.stop() }
            let onB = Browser(port: b.http.port)
            for (name, value) in f.facilitator.cookies { onB.setCookie(name, value) }
            let path = "/api/workshops/\(f.code)/ranking"
            let before = try await onB.get(path)
            #expect(before.status == 200)
            try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): .int(1)]])
            var changed = false
            for _ in 0..<300 where !changed {  // liveness bound: 30 s and more
                let after = try await onB.get(path)
                changed = after.text != before.text
                if !changed { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(changed)
        }
    }

    /// The workshop and its proposal list, once cached on instance B, follow what is written
    /// through instance A: B's caches key on every instance's writes, not on its own.
    @Test func aWorkshopAndItsProposalListCachedOnOneInstanceFollowWritesOnTheOther() async throws {
        try await withServer { a in
            let f = try await Fixture.make(a, phase: "collecting")
            let b = try await offPool { try SecondInstance(sharing: a) }
            defer { b.stop() }
            let onB = Browser(port: b.http.port)
            let workshopPath = "/api/workshops/\(f.code)"
            let listPath = "/api/workshops/\(f.code)/proposals"
            #expect(try await onB.get(workshopPath).json["phase"] == "collecting")
            let listBefore = try await onB.get(listPath)
            #expect(listBefore.status == 200 && !listBefore.text.contains("Orto condiviso"))

            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Orto condiviso"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            var listed = false
            var voting = false
            for _ in 0..<300 where !(listed && voting) {  // liveness bound: 30 s and more
                listed = try await onB.get(listPath).text.contains("Orto condiviso")
                voting = try await onB.get(workshopPath).json["phase"] == "voting"
                if !(listed && voting) { try await Task.sleep(nanoseconds: 100_000_000) }
            }
            #expect(listed)
            #expect(voting)
        }
    }
}
