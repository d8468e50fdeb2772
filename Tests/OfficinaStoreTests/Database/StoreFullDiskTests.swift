import Foundation
import Testing
@testable import OfficinaStore

/// A full disk, simulated with `PRAGMA max_page_count` on the writer connection: SQLite then
/// answers `SQLITE_FULL` exactly as when the file system has no space left
/// (<https://sqlite.org/pragma.html#pragma_max_page_count>).
@Suite(.timeLimit(.minutes(3))) struct StoreFullDiskTests {
    private static let table = Migration("t-blobs", sql: "CREATE TABLE blobs (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL) STRICT")

    @Test func aWriteOnAFullDiskFailsAsUnavailableAndTheFileAndReadsStayIntact() async throws {
        let folder = try TemporaryFolder()
        var configuration = StoreConfiguration()
        configuration.additionalMigrations = [Self.table]
        let store = try Store(path: folder.path("full.db"), configuration: configuration)
        let blob = [UInt8](repeating: 7, count: 8_192)
        try await store.write { db in try db.execute("INSERT INTO blobs (bytes) VALUES (?)", [blob]) }
        try await store.write { db in
            let pages = try db.queryOne("PRAGMA page_count") { $0.int(0) } ?? 0
            try db.sqlite.setPragma("max_page_count", String(pages + 4))
        }

        // A write that needs more pages than are left, in one batch between two small ones.
        let big = [UInt8](repeating: 1, count: 64 * 1_024)
        let gate = Gate()
        let holder = Task { try await store.write { _ in gate.waitUntilOpened() } }
        try await gate.entered()
        let small = [UInt8](repeating: 2, count: 16)
        let before = Task { try await store.write { db in try db.execute("INSERT INTO blobs (bytes) VALUES (?)", [small]) } }
        while store.queuedWrites < 1 { try await Task.sleep(nanoseconds: 1_000_000) }
        let refused = Task { try await store.write { db in try db.execute("INSERT INTO blobs (bytes) VALUES (?)", [big]) } }
        while store.queuedWrites < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
        let after = Task { try await store.write { db in try db.execute("INSERT INTO blobs (bytes) VALUES (?)", [small]) } }
        while store.queuedWrites < 3 { try await Task.sleep(nanoseconds: 1_000_000) }
        gate.open()
        try await holder.value

        let error = await #expect(throws: StoreError.self) { try await refused.value }
        #expect(error?.kind == .unavailable)
        #expect(error?.isTransient == true)
        #expect(error.map { $0.code & 0xFF } == 13) // SQLITE_FULL
        // Whether SQLite undid only the statement or the whole transaction, a neighbour either
        // committed or was told it failed, never acknowledged and lost.
        var acknowledged = 1
        for neighbour in [before, after] {
            if (try? await neighbour.value) != nil { acknowledged += 1 }
        }

        let count = try store.read { db in try db.queryOne("SELECT count(*) FROM blobs") { $0.int(0) } }
        #expect(count == acknowledged)
        #expect(try store.read { db in try db.sqlite.integrityCheck() } == ["ok"])

        // Space is back: writes work again on the same store.
        try await store.write { db in try db.sqlite.setPragma("max_page_count", "1073741823") }
        try await store.write { db in try db.execute("INSERT INTO blobs (bytes) VALUES (?)", [big]) }
        #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM blobs") { $0.int(0) } } == acknowledged + 1)
    }
}
