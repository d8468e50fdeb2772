import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Pairwise answers on a real SQLite file: one answer per participant and pair whichever way round,
/// the schema's own checks, the settings lock, and the method stored beside the older column.
@Suite struct ComparisonRepositoryTests {
    @Test func eachPairIsAnsweredOnceWhicheverWayRoundAndReadBackInOrder() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 3)
        let w = fixture.workshop.id
        let (a, b) = (fixture.participants[0].id, fixture.participants[1].id)
        let p = fixture.proposals.map(\.id)
        let first = try #require(Comparison(participantID: a, winner: p[1], loser: p[0]))
        let skip = Comparison(participantID: a, skipped: try #require(ProposalPair(p[2], p[0])))
        let other = try #require(Comparison(participantID: b, winner: p[0], loser: p[1]))
        let stored = try fixture.store.writeBlocking { db in
            [try db.comparisons.add(first, workshopID: w), try db.comparisons.add(skip, workshopID: w),
             try db.comparisons.add(other, workshopID: w),
             // The same pair shown the other way round is still the same pair.
             try db.comparisons.add(try #require(Comparison(participantID: a, winner: p[0], loser: p[1])), workshopID: w)]
        }
        #expect(stored == [true, true, true, false])
        #expect(try fixture.store.read { db in try db.comparisons.all(workshopID: w) } == [first, skip, other])
        #expect(try fixture.store.read { db in try db.comparisons.answered(participantID: a, workshopID: w) }
            == [ProposalPair(p[0], p[1])!, ProposalPair(p[0], p[2])!])
        let counts = try fixture.store.read { db in try db.comparisons.counts(workshopID: w) }
        #expect(counts.answers == 3 && counts.choices == 2 && counts.participants == 2)
    }

    @Test func theSchemaRefusesAWinnerOutsideThePairAndAPairOfOneProposal() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 3)
        let w = fixture.workshop.id, voter = fixture.participants[0].id
        let p = fixture.proposals.map(\.id)
        let insert = "INSERT INTO comparisons (workshop_id, participant_id, low_id, high_id, winner_id, created_at) VALUES (?, ?, ?, ?, ?, 0)"
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.execute(insert, [w, voter, p[0], p[1], p[2]]) }
        }
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.execute(insert, [w, voter, p[1], p[1], p[1]]) }
        }
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.execute(insert, [w, voter, p[1], p[0], p[1]]) }
        }
        #expect(try fixture.store.read { db in try db.comparisons.all(workshopID: w) }.isEmpty)
    }

    @Test func aComparisonLocksTheVotingSettingsAndPairwiseRoundTrips() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 2)
        var workshop = fixture.workshop
        workshop.settings.votingMethod = .pairwise
        try fixture.store.writeBlocking { db in _ = try db.workshops.update(workshop) }
        #expect(try fixture.store.read { db in try db.workshops.find(id: workshop.id)?.settings.votingMethod } == .pairwise)
        #expect(try fixture.store.read { db in try db.workshops.isLocked(workshopID: workshop.id) } == false)
        let p = fixture.proposals.map(\.id)
        try fixture.store.writeBlocking { db in
            try db.comparisons.add(try #require(Comparison(participantID: fixture.participants[0].id, winner: p[0], loser: p[1])), workshopID: workshop.id)
        }
        #expect(try fixture.store.read { db in try db.workshops.isLocked(workshopID: workshop.id) } == true)
        workshop.settings.votingMethod = .approval
        try fixture.store.writeBlocking { db in _ = try db.workshops.update(workshop) }
        #expect(try fixture.store.read { db in try db.workshops.find(id: workshop.id)?.settings.votingMethod } == .approval)
    }

    @Test func aWorkshopFromBeforePairwiseVotingKeepsItsMethod() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("before.db")
        let before = Schema.migrations.prefix { $0.id != "17-comparisons" }
        do {
            let connection = try Connection(path: path)
            try connection.enableForeignKeys()
            try Migrator(migrations: Array(before)).migrate(connection)
            try connection.execute("INSERT INTO programmes (title_it, title_en, created_at) VALUES ('P', 'P', 0)")
            try connection.execute("""
                INSERT INTO workshops (programme_id, theme, title_it, title_en, description_it, description_en, code, phase,
                    voting_method, dot_budget, per_proposal_cap, ratings_enabled, anonymous, shuffle_proposals, show_live_tallies,
                    allow_self_support, require_access_code, position, created_at, updated_at)
                VALUES (1, 'design', 'L', 'W', '', '', 'ACD347', 'voting', 'approval', 5, 3, 1, 0, 1, 0, 0, 0, 0, 0, 0)
                """)
        }
        let store = try Store(path: path)
        let workshop = try store.read { db in try db.workshops.find(code: JoinCode("ACD347")!) }
        #expect(workshop?.settings.votingMethod == .approval)
        #expect(try store.read { db in try db.comparisons.all(workshopID: workshop?.id ?? 0) }.isEmpty)
    }
}
