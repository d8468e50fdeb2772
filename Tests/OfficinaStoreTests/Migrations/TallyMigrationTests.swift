import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// "18-tallies" on a database written before it: the migration builds the running tallies from the
/// ballots already there, and from then on the triggers keep them.
@Suite struct TallyMigrationTests {
    @Test func aDatabaseFromBeforeTheTalliesIsBackfilledFromItsBallots() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        var workshopID: Int64 = 0
        do {
            let connection = try Connection(path: path)
            try connection.enableForeignKeys()
            try Migrator(migrations: Array(Schema.migrations.prefix { $0.id != Schema.tallies.id })).migrate(connection)
            let db: any SQLDatabase = connection
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Vecchio", en: "Old"), description: LocalizedText(it: "", en: ""),
                goals: [Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"))])
            let workshop = try db.workshops.create(
                programmeID: programme.id, theme: "design", title: LocalizedText(it: "L", en: "W"),
                description: LocalizedText(it: "", en: ""), phase: .voting)
            workshopID = workshop.id
            let author = try db.participants.create(workshopID: workshop.id, name: "Autrice", tokenHash: "author")
            let proposals = try (0..<4).map {
                try db.proposals.create(workshopID: workshop.id, authorID: author.id, title: "Idea \($0)", body: "", goals: ["space"]).id
            }
            for voter in 0..<30 {
                let participant = try db.participants.create(workshopID: workshop.id, name: "V\(voter)", tokenHash: "v\(voter)")
                try db.ballots.replace(Ballot(
                    participantID: participant.id,
                    support: [proposals[voter % 4]: 1 + voter % 3, proposals[(voter + 1) % 4]: 1],
                    ratings: [proposals[voter % 4]: ["space": voter % 5]]
                ), workshopID: workshop.id)
            }
        }
        let store = try Store(path: path)
        defer { store.close() }
        let (kept, rebuilt) = try store.read { db in
            (try db.ballots.sums(workshopID: workshopID), BallotSums(try db.ballots.all(workshopID: workshopID)))
        }
        #expect(kept == rebuilt)
        #expect(kept.support.values.flatMap(\.values).reduce(0, +) == 60)
        #expect(kept.ratings.count == 4)

        // The triggers take over after the backfill.
        try store.writeBlocking { db in
            let voter = try db.participants.create(workshopID: workshopID, name: "Nuova", tokenHash: "new")
            let first = try db.proposals.countingRows(workshopID: workshopID)[0].id
            try db.ballots.replace(Ballot(participantID: voter.id, support: [first: 3]), workshopID: workshopID)
        }
        let after = try store.read { db in
            (try db.ballots.sums(workshopID: workshopID), BallotSums(try db.ballots.all(workshopID: workshopID)))
        }
        #expect(after.0 == after.1)
        #expect(after.0 != kept)
    }
}
