import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Scoring choices per workshop, the exposure secret, and the rating counts the exposure order reads.
@Suite struct ScoringRepositoryTests {
    @Test func workshopsFromBeforeTheUpgradeKeepOfficinaOneAndNewOnesGetTheDefault() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        let oldID: Int64
        do {
            // A file as it was before the scoring migration, with one workshop.
            let connection = try Connection(path: path)
            try connection.enableForeignKeys()
            try Migrator(migrations: Array(Schema.migrations.prefix { $0.id != Schema.scoring.id })).migrate(connection)
            let programme = try connection.programmes.create(
                title: LocalizedText(it: "P", en: "P"), description: LocalizedText(it: "", en: ""), goals: Fixture.goals)
            oldID = try connection.workshops.create(
                programmeID: programme.id, theme: "design", title: LocalizedText(it: "Vecchio", en: "Old"),
                description: LocalizedText(it: "", en: "")).id
        }
        let store = try Store(path: path)
        #expect(try store.read { try $0.scoring.preferences(workshopID: oldID) } == ScoringPreferences(method: .officina1, exposure: .balanced))
        let secret = try store.read { try $0.scoring.exposureSecret() }
        #expect(secret.count == 32)
        #expect(Set(secret).count > 8, "not a constant")
        let newID = try store.writeBlocking { db in
            try db.workshops.create(
                programmeID: 1, theme: "design", title: LocalizedText(it: "Nuovo", en: "New"), description: LocalizedText(it: "", en: "")).id
        }
        #expect(try store.read { try $0.scoring.preferences(workshopID: newID) } == .default)
        try store.writeBlocking { try $0.scoring.setPreferences(ScoringPreferences(method: .officina1, exposure: .shuffled), workshopID: newID) }
        #expect(try store.read { try $0.scoring.preferences(workshopID: newID) }.exposure == .shuffled)
        // The secret is made once: another store on the same file reads the same bytes.
        #expect(try Store(path: path).read { try $0.scoring.exposureSecret() } == secret)
    }

    @Test func ratingCountsCountRatersOnceAndEveryRating() throws {
        let fixture = try Fixture(participantCount: 3, proposalCount: 3)
        let (a, b) = (fixture.proposals[0].id, fixture.proposals[1].id)
        try fixture.store.writeBlocking { db in
            try db.ballots.replace(Ballot(participantID: fixture.participants[0].id, support: [:],
                                          ratings: [a: ["space": 3, "community": 1], b: ["space": 2]]), workshopID: fixture.workshop.id)
            try db.ballots.replace(Ballot(participantID: fixture.participants[1].id, support: [a: 1],
                                          ratings: [a: ["space": 4]]), workshopID: fixture.workshop.id)
        }
        let counts = try fixture.store.read { try $0.scoring.ratingCounts(workshopID: fixture.workshop.id) }
        #expect(counts[a]?.raters == 2 && counts[a]?.ratings == 3)
        #expect(counts[b]?.raters == 1 && counts[b]?.ratings == 1)
        #expect(counts[fixture.proposals[2].id] == nil)
    }
}
