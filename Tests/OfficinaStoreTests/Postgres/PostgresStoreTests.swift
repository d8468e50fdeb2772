import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// The store on a real PostgreSQL (`OFFICINA_TEST_DB=postgres://…`): two stores on one database
/// stand for two instances.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct PostgresStoreTests {
    func seed(_ store: Store) throws -> (workshop: Workshop, participant: Participant, proposals: [Proposal]) {
        try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "P", en: "P"), description: LocalizedText(it: "", en: ""), goals: Fixture.goals)
            let workshop = try db.workshops.create(
                programmeID: programme.id, theme: "t", title: LocalizedText(it: "W", en: "W"), description: LocalizedText(it: "", en: ""))
            let participant = try db.participants.create(workshopID: workshop.id, name: "Voter", tokenHash: "voter")
            let proposals = try (0..<4).map { index in
                try db.proposals.create(workshopID: workshop.id, authorID: participant.id, title: "Idea \(index)", body: "", goals: [])
            }
            return (workshop, participant, proposals)
        }
    }

    /// Two instances replace one voter's ballot 100 times at once: the stored ballot is one of the
    /// ballots sent, whole — never a mix of two.
    @Test func concurrentBallotsOfOneVoterThroughTwoInstancesNeverMix() async throws {
        let database = try PostgresTestDatabase()
        let a = try Store(postgres: database.url)
        let b = try Store(postgres: database.url)
        defer { a.close(); b.close() }
        let (workshop, participant, proposals) = try seed(a)
        let ballots: [Ballot] = (0..<100).map { index in
            let chosen = proposals.enumerated().filter { (index >> $0.offset) & 1 == 1 || $0.offset == index % 4 }
            return Ballot(participantID: participant.id, support: Dictionary(uniqueKeysWithValues: chosen.map { ($0.element.id, 1 + index % 3) }))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, ballot) in ballots.enumerated() {
                let store = index.isMultiple(of: 2) ? a : b
                group.addTask { try await store.write { db in try db.ballots.replace(ballot, workshopID: workshop.id) } }
            }
            try await group.waitForAll()
        }
        let stored = try #require(try b.read { db in try db.ballots.get(participantID: participant.id, workshopID: workshop.id) })
        #expect(ballots.contains { $0.support == stored.support })
        #expect(try a.read { db in try db.queryOne("SELECT count(*) FROM ballots") { $0.int(0) } } == 1)
    }

    /// Events appended through two instances at once are numbered 1…n without a gap or a clash.
    @Test func eventsWrittenThroughTwoInstancesAreNumberedWithoutClash() async throws {
        let database = try PostgresTestDatabase()
        let a = try Store(postgres: database.url)
        let b = try Store(postgres: database.url)
        defer { a.close(); b.close() }
        let workshopID = try seed(a).workshop.id
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<60 {
                let store = index.isMultiple(of: 2) ? a : b
                group.addTask { try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "x", data: "{}") } }
            }
            try await group.waitForAll()
        }
        let seqs = try a.read { db in try db.query("SELECT seq FROM events ORDER BY seq") { $0.int64(0) } }
        #expect(seqs == Array(1...60))
    }

    /// Every server connection of a store killed (a database restart as the store sees it): the
    /// store answers `unavailable` at worst, then works again by itself.
    @Test func aStoreRecoversByItselfWhenItsConnectionsAreKilled() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let workshopID = try seed(store).workshop.id
        _ = try store.read { db in try db.workshops.find(id: workshopID) }
        let admin = try database.connect()
        // Only this test's connections: they carry the schema's name.
        let killed = try admin.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND application_name = ?",
            [database.schema]) { $0.bool(0) }
        #expect(killed.count >= 2)
        for _ in 0..<3 {
            do {
                try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "x", data: "{}") }
            } catch let error as StoreError {
                #expect(error.kind == .unavailable || error.kind == .busy)
            }
        }
        try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "after", data: "{}") }
        #expect(try store.read { db in try db.events.since(workshopID: workshopID, after: 0).last?.type } == "after")
    }

    @Test func aSchemaOfAnotherApplicationIsRefusedUntouched() throws {
        let database = try PostgresTestDatabase()
        try database.connect().executeScript("CREATE TABLE invoices (id BIGINT PRIMARY KEY)")
        let error = try #require(throws: StoreError.self) { try Store(postgres: database.url) }
        #expect(error.kind == .incompatible)
        #expect(try database.connect().queryOne("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()") { $0.int(0) } == 1)
    }
}
