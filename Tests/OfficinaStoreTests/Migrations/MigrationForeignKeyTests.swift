import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Migrations run with SQLite's foreign keys off (a table rebuild must not cascade) and
/// `foreign_key_check` before commit; enforcement is back on afterwards.
@Suite struct MigrationForeignKeyTests {
    /// The SQLite recipe for changing a table (<https://sqlite.org/lang_altertable.html#otheralter>):
    /// create the new table, copy, drop the old one, rename. With foreign keys on, `DROP TABLE
    /// workshops` would delete every participant, proposal and ballot by cascade.
    @Test func rebuildingAReferencedTableKeepsItsChildren() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 2)
        let path = fixture.folder.path("officina.db")
        fixture.store.close()
        let rebuild = Migration("99-rebuild-workshops") { db in
            let sql = try db.queryOne("SELECT sql FROM sqlite_schema WHERE name = 'workshops'") { $0.text(0) } ?? ""
            try db.executeScript(sql.replacingOccurrences(of: "CREATE TABLE workshops", with: "CREATE TABLE workshops_new"))
            try db.executeScript("""
                INSERT INTO workshops_new SELECT * FROM workshops;
                DROP TABLE workshops;
                ALTER TABLE workshops_new RENAME TO workshops;
                """)
        }
        var configuration = StoreConfiguration()
        configuration.additionalMigrations = [rebuild]
        let store = try Store(path: path, configuration: configuration)
        let counts = try store.read { db in
            try db.queryOne("SELECT (SELECT count(*) FROM participants), (SELECT count(*) FROM proposals)") { ($0.int(0), $0.int(1)) }
        }
        #expect(counts?.0 == 2)
        #expect(counts?.1 == 2)
        #expect(try store.read { db in try db.sqlite.pragma("foreign_keys") } == "1")
        let error = try #require(throws: StoreError.self) {
            try store.writeBlocking { db in
                try db.execute("INSERT INTO participants (workshop_id, name, token_hash, joined_at) VALUES (999, 'x', 'y', 0)")
            }
        }
        #expect(error.kind == .constraint)
    }
}
