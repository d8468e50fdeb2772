import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// The counts quotas are checked against, the edit log's pruning, and the upgrade of a database
/// from before quotas existed.
@Suite struct QuotaRepositoryTests {
    @Test func countsProposalsPerAuthorAndWorkshopWhateverTheirStatus() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 5)
        let (authored, total) = try fixture.store.writeBlocking { db in
            _ = try db.proposals.setStatus(id: fixture.proposals[0].id, .hidden)
            return (try db.quotas.proposals(authorID: fixture.participants[0].id), try db.quotas.proposals(workshopID: fixture.workshop.id))
        }
        #expect(authored == 3)
        #expect(total == 5)
    }

    @Test func countsBuildOnsPerAuthor() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 2)
        let counts = try fixture.store.writeBlocking { db in
            for index in 0..<4 {
                _ = try db.buildOns.add(proposalID: fixture.proposals[index % 2].id, authorID: fixture.participants[0].id, text: "b\(index)")
            }
            return (try db.quotas.buildOns(authorID: fixture.participants[0].id), try db.quotas.buildOns(authorID: fixture.participants[1].id))
        }
        #expect(counts == (4, 0))
    }

    @Test func theEditLogKeepsOnlyTheWindowAndPrunesTheRest() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 1)
        let now = Date()
        let recent = try fixture.store.writeBlocking { db in
            let id = fixture.participants[0].id
            for seconds in [120.0, 61, 30, 5] { try db.quotas.recordEdit(participantID: id, at: now.addingTimeInterval(-seconds)) }
            return try db.quotas.recentEdits(participantID: id, since: now.addingTimeInterval(-60))
        }
        #expect(recent.count == 2)
        let left = try fixture.store.read { db in try db.queryOne("SELECT count(*) FROM proposal_edits") { $0.int(0) } }
        #expect(left == 2)
    }

    @Test func aDatabaseFromBeforeQuotasUpgradesWithTheDefaults() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        let before = Array(Schema.migrations.prefix { $0.id != "5-quotas" })
        #expect(before.count < Schema.migrations.count)
        do {
            let connection = try Connection(path: path)
            try connection.enableForeignKeys()
            try Migrator(migrations: before).migrate(connection)
            try connection.execute("INSERT INTO programmes (title_it, title_en, created_at) VALUES ('P', 'P', 0)")
            try connection.execute("""
                INSERT INTO workshops (programme_id, theme, title_it, title_en, code, voting_method, dot_budget, per_proposal_cap,
                    ratings_enabled, anonymous, shuffle_proposals, show_live_tallies, allow_self_support, require_access_code,
                    created_at, updated_at)
                VALUES (1, 'design', 'L', 'W', 'ACD347', 'dots', 5, 3, 1, 0, 1, 0, 0, 0, 0, 0)
                """)
        }
        let store = try Store(path: path)
        let settings = try #require(try store.read { db in try db.workshops.find(code: JoinCode("ACD347")!) }).settings
        #expect(settings.proposalsPerParticipant == 10)
        #expect(settings.buildOnsPerParticipant == 30)
        #expect(settings.editsPerMinute == 20)
        #expect(settings.maxProposals == 300)
    }
}
