import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Affinity clusters on a real SQLite file: board order, one cluster per proposal, positions that
/// close up on delete, cascades, and the upgrade of a database from before clusters existed.
@Suite struct ClusterRepositoryTests {
    @Test func aProposalIsInOneClusterAtMostAndMovesBetweenThem() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 3)
        let (first, second) = try fixture.store.writeBlocking { db -> ([Cluster], [Cluster]) in
            let a = try db.clusters.create(workshopID: fixture.workshop.id, name: "A")
            let b = try db.clusters.create(workshopID: fixture.workshop.id, name: "B")
            try db.clusters.assign(proposalID: fixture.proposals[0].id, to: a.id)
            try db.clusters.assign(proposalID: fixture.proposals[1].id, to: a.id)
            let first = try db.clusters.list(workshopID: fixture.workshop.id)
            try db.clusters.assign(proposalID: fixture.proposals[0].id, to: b.id)
            try db.clusters.assign(proposalID: fixture.proposals[1].id, to: nil)
            return (first, try db.clusters.list(workshopID: fixture.workshop.id))
        }
        #expect(first.map(\.name) == ["A", "B"])
        #expect(first.map(\.position) == [0, 1])
        #expect(first[0].proposalIDs == [fixture.proposals[0].id, fixture.proposals[1].id])
        #expect(second[0].proposalIDs.isEmpty)
        #expect(second[1].proposalIDs == [fixture.proposals[0].id])
        let rows = try fixture.store.read { db in try db.queryOne("SELECT count(*) FROM proposal_clusters") { $0.int(0) } }
        #expect(rows == 1)
    }

    @Test func deletingAClusterClosesTheGapAndUnclustersItsProposals() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 2)
        let board = try fixture.store.writeBlocking { db -> [Cluster] in
            let ids = try ["A", "B", "C"].map { try db.clusters.create(workshopID: fixture.workshop.id, name: $0).id }
            try db.clusters.assign(proposalID: fixture.proposals[0].id, to: ids[1])
            try db.clusters.reorder(workshopID: fixture.workshop.id, ids: [ids[2], ids[1], ids[0]])
            #expect(try db.clusters.delete(id: ids[1]))
            #expect(try !db.clusters.delete(id: ids[1]))
            return try db.clusters.list(workshopID: fixture.workshop.id)
        }
        #expect(board.map(\.name) == ["C", "A"])
        #expect(board.map(\.position) == [0, 1])
        let membership = try fixture.store.read { db in try db.clusters.membership(workshopID: fixture.workshop.id) }
        #expect(membership.isEmpty)
    }

    @Test func anUnknownClusterIsRefusedByTheForeignKey() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 1)
        #expect(throws: (any Error).self) {
            try fixture.store.writeBlocking { db in try db.clusters.assign(proposalID: fixture.proposals[0].id, to: 424_242) }
        }
    }

    @Test func aDatabaseFromBeforeClustersUpgradesWithAnEmptyBoard() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        let before = Array(Schema.migrations.prefix { $0.id != "15-clusters" })
        #expect(before.count < Schema.migrations.count, "the migration is in the list")
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
        let workshop = try #require(try store.read { db in try db.workshops.find(code: JoinCode("ACD347")!) })
        #expect(try store.read { db in try db.clusters.list(workshopID: workshop.id) }.isEmpty)
        let made = try store.writeBlocking { db in try db.clusters.create(workshopID: workshop.id, name: "Dopo") }
        #expect(made.position == 0)
    }
}
