import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// `officina migrate`: SQLite → PostgreSQL → SQLite keeps every row, verified per table.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct StoreCopyTests {
    @Test func aDatabaseCopiedToPostgreSQLAndBackIsTheSameRowForRow() throws {
        let fixture = try Fixture(participantCount: 3, proposalCount: 3)
        let (workshop, proposals, participants) = (fixture.workshop, fixture.proposals, fixture.participants)
        try fixture.store.writeBlocking { db in
            try db.ballots.replace(Ballot(participantID: participants[1].id, support: [proposals[0].id: 2, proposals[1].id: 1],
                                          ratings: [proposals[0].id: ["space": 3]]), workshopID: workshop.id)
            _ = try db.proposals.merge(proposals[2].id, into: proposals[0].id, by: "facilitator", cap: 3)
            _ = try db.events.append(workshopID: workshop.id, type: "proposal", data: "{\"x\":\"è\"}")
        }
        let database = try PostgresTestDatabase()
        let postgres = try Store(postgres: database.url)
        defer { postgres.close() }
        let there = try StoreCopy.copy(from: fixture.store, to: postgres, force: false)
        #expect(there.first { $0.table == "ballot_support" }?.rows == 2)
        #expect(there.first { $0.table == "merges" }?.rows == 1)

        // Not over data without --force.
        let refused = try #require(throws: StoreError.self) { try StoreCopy.copy(from: fixture.store, to: postgres, force: false) }
        #expect(refused.message.contains("--force"))

        // New rows on PostgreSQL get ids after the copied ones.
        let added = try postgres.writeBlocking { db in try db.participants.create(workshopID: workshop.id, name: "New", tokenHash: "new") }
        #expect(added.id > participants.map(\.id).max() ?? 0)

        let back = try Store(path: fixture.folder.path("back.db"))
        defer { back.close() }
        let reports = try StoreCopy.copy(from: postgres, to: back, force: false)
        #expect(reports.first { $0.table == "participants" }?.rows == 4)
        let original = try fixture.store.read { db in try db.ballots.get(participantID: participants[1].id, workshopID: workshop.id) }
        let copied = try back.read { db in try db.ballots.get(participantID: participants[1].id, workshopID: workshop.id) }
        #expect(copied == original)
        // PostgreSQL keeps no packed contents ("22-ballot-content"): the copy into SQLite packs every ballot.
        let (packed, fromRows, unpacked) = try back.read { db in
            (try db.ballots.all(workshopID: workshop.id), try db.ballots.rowBallots(workshopID: workshop.id),
             try db.queryOne("SELECT count(*) FROM ballots WHERE content IS NULL", []) { $0.int(0) })
        }
        #expect(packed == (try fixture.store.read { db in try db.ballots.all(workshopID: workshop.id) }))
        #expect(packed == fromRows && !packed.isEmpty)
        #expect(unpacked == 0)
        #expect(try back.read { db in try db.scoring.exposureSecret() } == (try fixture.store.read { db in try db.scoring.exposureSecret() }))
    }
}
