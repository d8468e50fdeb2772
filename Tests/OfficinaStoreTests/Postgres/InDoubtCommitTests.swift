import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore
#if canImport(Glibc)
import Glibc
#endif

/// A write batch whose COMMIT loses its answer with the connection, on a real PostgreSQL: the writer
/// asks the server (`txid_status`) what became of the batch instead of guessing. The connection is
/// cut for real, by shutting its socket down just before or just after COMMIT is sent (the seams of
/// ``PostgresConnection``); the outcome is read back from the server.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct InDoubtCommitTests {
    private func openStore(_ database: PostgresTestDatabase) throws -> (Store, PostgresConnection, Int64) {
        let store = try Store(postgres: database.url)
        let workshopID = try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "P", en: "P"), description: LocalizedText(it: "", en: ""), goals: Fixture.goals)
            return try db.workshops.create(
                programmeID: programme.id, theme: "t", title: LocalizedText(it: "W", en: "W"), description: LocalizedText(it: "", en: "")).id
        }
        let writer = try #require(store.writer.connection as? PostgresConnection)
        return (store, writer, workshopID)
    }

    private func storedEvents(_ store: Store, workshopID: Int64, type: String) throws -> Int {
        try store.read { db in try db.events.since(workshopID: workshopID, after: 0).filter { $0.type == type }.count }
    }

    /// The COMMIT reaches PostgreSQL, which commits it; the answer is lost because the connection
    /// is shut down before it is read. The write is acknowledged (it is stored), not refused.
    @Test func aCommitWhoseAnswerIsLostAfterPostgresStoredItIsAcknowledged() async throws {
        let database = try PostgresTestDatabase()
        let (store, writer, workshopID) = try openStore(database)
        defer { store.close() }
        let cut = Flag()
        // Set before the write is queued: the writer thread reads it after taking the queue's lock.
        writer.afterCommitSent = { socket in
            cut.set()
            shutdown(socket, Int32(SHUT_RDWR))
        }
        try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "in-doubt", data: "{}") }
        #expect(cut.isSet)
        #expect(try storedEvents(store, workshopID: workshopID, type: "in-doubt") == 1)
        // The writer reconnects by itself for the next batch.
        try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "after", data: "{}") }
        #expect(try storedEvents(store, workshopID: workshopID, type: "after") == 1)
    }

    /// The connection is shut down before COMMIT leaves: PostgreSQL rolls the batch back when it
    /// sees the connection end. The write is refused as unavailable (a 503) and nothing is stored.
    @Test func aCommitCutBeforeItReachedPostgresIsRefusedAndNothingIsStored() async throws {
        let database = try PostgresTestDatabase()
        let (store, writer, workshopID) = try openStore(database)
        defer { store.close() }
        let cut = Flag()
        writer.beforeCommitSent = { socket in
            cut.set()
            shutdown(socket, Int32(SHUT_RDWR))
        }
        let error = await #expect(throws: StoreError.self) {
            try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "cut", data: "{}") }
        }
        #expect(cut.isSet)
        #expect(error?.kind == .unavailable)
        #expect(try storedEvents(store, workshopID: workshopID, type: "cut") == 0)
        try await store.write { db in _ = try db.events.append(workshopID: workshopID, type: "after", data: "{}") }
        #expect(try storedEvents(store, workshopID: workshopID, type: "after") == 1)
    }
}

/// Set once from the writer thread, read by the test after the write returned.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
