import Foundation
import OfficinaCore
@testable import OfficinaStore

/// A database file migrated up to, not including, one migration, holding a voting workshop with an
/// author and a few proposals: where a test of that migration's backfill starts. Rows written through
/// `db` are what the code before the migration wrote; opening a ``Store`` on `path` afterwards runs it.
struct DatabaseBeforeMigration {
    let db: any SQLDatabase
    let workshopID: Int64
    let proposals: [Int64]

    init(path: String, before migration: Migration, goals: [Goal], proposals count: Int) throws {
        let connection = try Connection(path: path)
        try connection.enableForeignKeys()
        try Migrator(migrations: Array(Schema.migrations.prefix { $0.id != migration.id })).migrate(connection)
        db = connection
        let programme = try db.programmes.create(
            title: LocalizedText(it: "Vecchio", en: "Old"), description: LocalizedText(it: "", en: ""), goals: goals)
        let workshop = try db.workshops.create(
            programmeID: programme.id, theme: "design", title: LocalizedText(it: "L", en: "W"),
            description: LocalizedText(it: "", en: ""), phase: .voting)
        workshopID = workshop.id
        let author = try db.participants.create(workshopID: workshop.id, name: "Autrice", tokenHash: "author")
        proposals = try (0..<count).map { [db] index in
            try db.proposals.create(workshopID: workshop.id, authorID: author.id, title: "Idea \(index)", body: "", goals: [goals[0].key]).id
        }
    }
}
