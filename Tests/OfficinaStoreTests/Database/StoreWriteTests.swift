import Dispatch
import Foundation
import Testing
@testable import OfficinaStore

@Suite(.timeLimit(.minutes(3))) struct StoreWriteTests {
    private static let table = Migration("t-notes", sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE) STRICT")

    private func openStore(_ folder: TemporaryFolder, _ adjust: (inout StoreConfiguration) -> Void = { _ in }) throws -> Store {
        var configuration = StoreConfiguration()
        configuration.additionalMigrations = [Self.table]
        adjust(&configuration)
        return try Store(path: folder.path("writes.db"), configuration: configuration)
    }

    @Test func manyConcurrentWritersAllCommitWithoutBusyErrors() async throws {
        let folder = try TemporaryFolder()
        let store = try openStore(folder)
        let tasks = 64, writesPerTask = 40, threads = 8
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for write in 0..<writesPerTask {
                        try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES (?)", ["a-\(task)-\(write)"]) }
                    }
                }
            }
            // Blocking writers on plain threads at the same time.
            group.addTask {
                DispatchQueue.concurrentPerform(iterations: threads) { thread in
                    for write in 0..<writesPerTask {
                        do {
                            try store.writeBlocking { db in try db.execute("INSERT INTO notes (text) VALUES (?)", ["b-\(thread)-\(write)"]) }
                        } catch {
                            Issue.record("blocking write failed: \(error)")
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let count = try store.read { db in try db.queryOne("SELECT count(*) FROM notes") { $0.int(0) } }
        #expect(count == (tasks + threads) * writesPerTask)
        let statistics = store.writerStatistics
        #expect(statistics.writes >= (tasks + threads) * writesPerTask)
        #expect(statistics.transactions < statistics.writes, "concurrent writes should share transactions")
    }

    @Test func aFailedWriteInABatchFailsOnlyItsOwnCaller() async throws {
        let folder = try TemporaryFolder()
        let store = try openStore(folder)
        try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES ('taken')") }
        let gate = Gate()
        let holder = Task { try await store.write { _ in gate.waitUntilOpened() } }
        try await gate.entered()
        let before = store.writerStatistics.transactions
        // Queued one after the other, so that they run in this order in the next batch.
        let first = Task { try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES ('first')") } }
        while store.queuedWrites < 1 { try await Task.sleep(nanoseconds: 1_000_000) }
        let duplicate = Task { try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES ('taken')") } }
        while store.queuedWrites < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
        let last = Task { try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES ('last')") } }
        while store.queuedWrites < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
        gate.open()
        try await holder.value
        try await first.value
        try await last.value
        let error = await #expect(throws: StoreError.self) { try await duplicate.value }
        #expect(error?.kind == .constraint)
        // The holder's transaction (counted when it ends) and one shared by the three writes.
        #expect(store.writerStatistics.transactions - before == 2)
        let texts = try store.read { db in try db.query("SELECT text FROM notes ORDER BY id") { $0.text(0) } }
        #expect(texts == ["taken", "first", "last"])
    }

    @Test func aFullQueueRefusesWritesAtOnceWithBusy() async throws {
        let folder = try TemporaryFolder()
        let store = try openStore(folder) { $0.writeQueueCapacity = 2 }
        let gate = Gate()
        let holder = Task { try await store.write { _ in gate.waitUntilOpened() } }
        try await gate.entered()
        let queued = (0..<2).map { index in
            Task { try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES (?)", ["q\(index)"]) } }
        }
        while store.queuedWrites < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
        let error = await #expect(throws: StoreError.self) {
            try await store.write { db in try db.execute("INSERT INTO notes (text) VALUES ('refused')") }
        }
        #expect(error?.kind == .busy)
        #expect(error?.isTransient == true)
        gate.open()
        try await holder.value
        for task in queued { try await task.value }
        #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM notes") { $0.int(0) } } == 2)
    }

    @Test func anErrorThrownByTheBodyReachesTheCallerUnchangedAndRollsBackItsWrites() async throws {
        struct Refusal: Error, Equatable {}
        let folder = try TemporaryFolder()
        let store = try openStore(folder)
        await #expect(throws: Refusal()) {
            try await store.write { db in
                try db.execute("INSERT INTO notes (text) VALUES ('half')")
                throw Refusal()
            }
        }
        #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM notes") { $0.int(0) } } == 0)
    }

    @Test func aClosedStoreRefusesWrites() throws {
        let folder = try TemporaryFolder()
        let store = try openStore(folder)
        store.close()
        let error = try #require(throws: StoreError.self) { try store.writeBlocking { _ in 1 } }
        #expect(error.kind == .closed)
    }
}

/// Holds the writer thread inside a write until the test opens it.
final class Gate: @unchecked Sendable {
    private let lock = NSLock()
    private var hasEntered = false
    private let opened = DispatchSemaphore(value: 0)

    /// Called from inside the write.
    func waitUntilOpened() {
        lock.withLock { hasEntered = true }
        opened.wait()
    }

    /// Returns once the write is being held.
    func entered() async throws {
        while !lock.withLock({ hasEntered }) {
            try await Task.sleep(nanoseconds: 1_000_000)
        }
    }

    func open() { opened.signal() }
}

@Suite(.timeLimit(.minutes(3))) struct StoreNestedWriteTests {
    @Test func aWriteStartedInsideAWriteIsRefusedInsteadOfDeadlocking() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.path("nested.db"))
        let error = try #require(throws: StoreError.self) {
            try store.writeBlocking { _ in try store.writeBlocking { _ in 1 } }
        }
        #expect(error.message.contains("inside another write"))
    }
}
