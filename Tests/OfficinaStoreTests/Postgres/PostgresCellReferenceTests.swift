import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// On PostgreSQL the ballot cells' references are checked per statement by triggers
/// (`PostgresSchema.cellReferences`) instead of per row by foreign keys: what the foreign keys
/// guaranteed must still hold — no cell naming a missing ballot or proposal, cells cascading away
/// with their ballot, proposal, participant or workshop, and a delete waiting for a transaction
/// that has just named the row.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"), .timeLimit(.minutes(3)))
struct PostgresCellReferenceTests {
    /// A workshop with three proposals and three voters who each support and rate all of them.
    private func seed(_ store: Store) async throws -> TestRoom {
        let room = try TestRoom(in: store, voters: 3, proposals: 3)
        for voter in room.voters {
            let ballot = Ballot(participantID: voter,
                                support: Dictionary(uniqueKeysWithValues: room.proposals.map { ($0, 1) }),
                                ratings: Dictionary(uniqueKeysWithValues: room.proposals.map { ($0, ["space": 2, "community": 3]) }))
            try await store.replaceBallot(ballot, workshopID: room.workshopID)
        }
        return room
    }

    private func cells(_ db: PostgresConnection, where condition: String = "true", _ arguments: [any DatabaseValueConvertible] = []) throws -> [Int] {
        try ["ballot_support", "ballot_ratings"].map { table in
            try db.queryOne("SELECT count(*) FROM \(table) WHERE \(condition)", arguments) { $0.int(0) } ?? -1
        }
    }

    private func kind(of body: () throws -> Void) -> StoreError.Kind? {
        do {
            try body()
            return nil
        } catch let error as StoreError {
            return error.kind
        } catch {
            return nil
        }
    }

    @Test func aCellNamingAMissingBallotOrProposalIsRefusedWithItsWholeStatement() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let room = try await seed(store)
        let db = try database.connect()
        // The triggers do the checking: the cells have no foreign keys left.
        let foreignKeys = try db.queryOne("""
            SELECT count(*) FROM pg_constraint
            WHERE contype = 'f' AND conrelid IN ('ballot_support'::regclass, 'ballot_ratings'::regclass)
            """, []) { $0.int(0) }
        #expect(foreignKeys == 0)
        let ballot = try #require(try db.queryOne("SELECT min(id) FROM ballots", []) { $0.int64(0) })
        try db.execute("DELETE FROM ballot_support WHERE ballot_id = ?", [ballot])
        let before = try cells(db)

        // One good row and one naming a proposal that does not exist: neither is stored.
        #expect(kind {
            try db.execute("INSERT INTO ballot_support (ballot_id, proposal_id, dots) VALUES (?, ?, 1), (?, 999999, 1)",
                           [ballot, room.proposals[0], ballot])
        } == .constraint)
        #expect(kind {
            try db.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (999999, ?, 'space', 1)",
                           [room.proposals[0]])
        } == .constraint)
        #expect(kind {
            try db.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (?, 999999, 'space', 1)", [ballot])
        } == .constraint)
        #expect(try cells(db) == before)

        // Rows naming rows that exist go in.
        try db.execute("INSERT INTO ballot_support (ballot_id, proposal_id, dots) VALUES (?, ?, 2)", [ballot, room.proposals[1]])
        #expect(try cells(db) == [before[0] + 1, before[1]])
    }

    @Test func cellsGoWithTheirProposalBallotParticipantAndWorkshop() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let room = try await seed(store)
        let db = try database.connect()
        #expect(try cells(db) == [9, 18])

        try db.execute("DELETE FROM proposals WHERE id = ?", [room.proposals[2]])
        #expect(try cells(db) == [6, 12])
        #expect(try cells(db, where: "proposal_id = ?", [room.proposals[2]]) == [0, 0])

        try db.execute("DELETE FROM ballots WHERE participant_id = ?", [room.voters[1]])
        #expect(try cells(db) == [4, 8])

        // The tallies the writer keeps still equal a rebuild from the rows that are left.
        #expect(try store.writeBlocking { db in
            let running = try db.ballots.sums(workshopID: room.workshopID)
            try db.ballots.rebuildTallies()
            return try db.ballots.sums(workshopID: room.workshopID) == running
        })

        try db.execute("DELETE FROM participants WHERE id = ?", [room.voters[2]])
        #expect(try cells(db) == [2, 4])

        try db.execute("DELETE FROM workshops WHERE id = ?", [room.workshopID])
        #expect(try cells(db) == [0, 0])
    }

    /// A transaction that has stored a cell holds its proposal: a delete of the proposal waits for
    /// it (here: gives up after its lock timeout), and once it commits the delete takes the cell too.
    /// The other way round, a cell naming a proposal another transaction is deleting waits, and fails
    /// once that delete commits.
    @Test func aProposalBeingNamedAndBeingDeletedWaitForEachOther() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let room = try await seed(store)
        let writer = try database.connect()
        let deleter = try database.connect()
        let ballot = try #require(try writer.queryOne("SELECT min(id) FROM ballots", []) { $0.int64(0) })
        try writer.execute("DELETE FROM ballot_ratings WHERE proposal_id = ?", [room.proposals[0]])
        try deleter.execute("SET lock_timeout = '300ms'", [])
        try writer.execute("SET lock_timeout = '300ms'", [])

        try writer.execute("BEGIN", [])
        try writer.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (?, ?, 'space', 4)",
                           [ballot, room.proposals[0]])
        #expect(kind { try deleter.execute("DELETE FROM proposals WHERE id = ?", [room.proposals[0]]) } == .busy)
        try writer.execute("COMMIT", [])
        try deleter.execute("DELETE FROM proposals WHERE id = ?", [room.proposals[0]])
        #expect(try cells(writer, where: "proposal_id = ?", [room.proposals[0]]) == [0, 0])

        try deleter.execute("BEGIN", [])
        try deleter.execute("DELETE FROM proposals WHERE id = ?", [room.proposals[1]])
        #expect(kind {
            try writer.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (?, ?, 'partnerships', 4)",
                               [ballot, room.proposals[1]])
        } == .busy)
        try deleter.execute("COMMIT", [])
        #expect(kind {
            try writer.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (?, ?, 'partnerships', 4)",
                               [ballot, room.proposals[1]])
        } == .constraint)
        #expect(try cells(writer, where: "proposal_id = ?", [room.proposals[1]]) == [0, 0])
    }
}
