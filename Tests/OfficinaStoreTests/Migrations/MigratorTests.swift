import ChildProcesses
import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite(.timeLimit(.minutes(3))) struct MigratorTests {
    @Test func anEmptyFileGetsEveryMigrationInOrderAndOurApplicationID() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.path("new.db"))
        let ids = try store.read { db in try Migrator(migrations: Schema.migrations).appliedIDs(db.sqlite) }
        #expect(ids == Schema.migrations.map(\.id))
        let applicationID = try store.read { db in try db.sqlite.pragma("application_id") }
        #expect(applicationID == String(Migrator.applicationID))
        #expect(try store.read { db in try db.sqlite.pragma("journal_mode") } == "wal")
        #expect(try store.read { db in try db.sqlite.pragma("foreign_keys") } == "1")
    }

    @Test func anOlderFileIsMigratedForwardKeepingItsData() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        do {
            // A file as the first release left it: only the first migration applied.
            let connection = try Connection(path: path)
            try connection.enableForeignKeys()
            try Migrator(migrations: Array(Schema.migrations.prefix(1))).migrate(connection)
            try connection.execute(
                "INSERT INTO programmes (title_it, title_en, created_at) VALUES (?, ?, ?)", ["Vecchio", "Old", Date()]
            )
        }
        let store = try Store(path: path)
        let ids = try store.read { db in try Migrator(migrations: Schema.migrations).appliedIDs(db.sqlite) }
        #expect(ids == Schema.migrations.map(\.id))
        let titles = try store.read { db in try db.programmes.list().map(\.programme.title.it) }
        #expect(titles == ["Vecchio"])
        #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM ballots") { $0.int(0) } } == 0)
    }

    @Test func aFileFromANewerOfficinaIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("newer.db")
        do {
            let store = try Store(path: path)
            try store.writeBlocking { db in
                try db.execute("INSERT INTO officina_migrations (id, applied_at) VALUES ('99-from-the-future', 0)")
            }
            store.close()
        }
        let before = try folder.bytes("newer.db")
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        #expect(error.kind == .incompatible)
        #expect(error.message.contains("newer Officina"))
        #expect(try folder.bytes("newer.db") == before)
    }

    @Test func aFileThatIsNotSQLiteIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("notes.db")
        let content = Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        #expect(error.kind == .incompatible)
        #expect(error.message.contains("not a SQLite database"))
        #expect(try folder.bytes("notes.db") == content)
        #expect(try folder.files() == ["notes.db"])
    }

    @Test func anotherApplicationsSQLiteFileIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("other.db")
        do {
            let connection = try Connection(path: path)
            try connection.executeScript("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        }
        let before = try folder.bytes("other.db")
        let error = try #require(throws: StoreError.self) { try Store(path: path) }
        #expect(error.kind == .incompatible)
        #expect(error.message.contains("another application"))
        #expect(try folder.bytes("other.db") == before)
    }

    @Test func aMigrationThatBreaksForeignKeysIsRolledBack() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("broken.db")
        let broken = Migration("4-broken") { db in
            try db.executeScript("PRAGMA defer_foreign_keys = ON")
            try db.execute("INSERT INTO goals (programme_id, key, label_it, label_en, position) VALUES (999, 'x', 'x', 'x', 0)")
        }
        var configuration = StoreConfiguration()
        configuration.additionalMigrations = [broken]
        let error = try #require(throws: StoreError.self) { try Store(path: path, configuration: configuration) }
        #expect(error.message.contains("4-broken"))
        let store = try Store(path: path)
        #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM goals") { $0.int(0) } } == 0)
    }

    @Test func aMissingFolderGivesOneClearLine() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: StoreError.self) { try Store(path: folder.path("nowhere/officina.db")) }
        #expect(error.kind == .cannotOpen)
        #expect(error.description.contains("does not exist"))
    }

    @Test func aFileWhereTheFolderShouldBeGivesOneClearLine() throws {
        let folder = try TemporaryFolder()
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder.path("data")))
        let error = try #require(throws: StoreError.self) { try Store(path: folder.path("data/officina.db")) }
        #expect(error.kind == .cannotOpen)
        #expect(error.description.contains("is a file, not a folder"))
        #expect(try folder.bytes("data") == Data("not a folder".utf8))
    }

    /// Runs as root too (CI does): permission bits do not stop root, a read-only mount does.
    @Test func aReadOnlyFolderGivesOneClearLine() throws {
        let folder = try TemporaryFolder()
        let readOnly = folder.path("read-only")
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: false)
        let asRoot = getuid() == 0
        if asRoot {
            let status = try Self.run("/bin/mount", ["-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", readOnly])
            try #require(status == 0, "as root the test needs a read-only tmpfs (mount exited \(status))")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: readOnly)
        }
        defer {
            if asRoot { _ = try? Self.run("/bin/umount", ["-l", readOnly]) }
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: readOnly)
        }
        let error = try #require(throws: StoreError.self) { try Store(path: readOnly + "/officina.db") }
        #expect(error.kind == .cannotOpen)
        #expect(error.description.contains("not writable"))
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        guard case .exited(let status) = try ChildProcess(tool, arguments).wait() else { return -1 }
        return status
    }
}
