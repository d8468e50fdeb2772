import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Savepoints whose `SAVEPOINT` and `RELEASE` ride with the next statement on PostgreSQL
/// (`PostgresConnection+DeferredSavepoints`): a write that fails is still undone alone, whatever
/// point of its round trips it fails at, and the others of its batch commit.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct PostgresDeferredSavepointTests {
    private struct Refusal: Error, Equatable {}

    private func ids(_ db: PostgresConnection) throws -> [Int64] {
        try db.query("SELECT id FROM t ORDER BY id") { $0.int64(0) }
    }

    /// Nested savepoints: an inner one that fails is undone alone and the outer one goes on; a body
    /// that throws before any statement, or that returns without one, leaves the transaction healthy.
    @Test func nestedSavepointsFailingAtEveryPointUndoOnlyTheirOwnStatements() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (id BIGINT PRIMARY KEY)")
        try db.beginWrite()
        try db.savepoint("enclosing") {
            try db.execute("INSERT INTO t VALUES (?)", [Int64(1)])
            #expect(throws: StoreError.self) {
                try db.savepoint("nested") {
                    try db.execute("INSERT INTO t VALUES (?)", [Int64(2)])
                    try db.execute("INSERT INTO t VALUES (?)", [Int64(1)])
                }
            }
            #expect(throws: Refusal()) { try db.savepoint("nested") { throw Refusal() } }
            try db.savepoint("nested") {}
            try db.savepoint("nested") { try db.execute("INSERT INTO t VALUES (?)", [Int64(3)]) }
        }
        #expect(throws: Refusal()) {
            try db.savepoint("later") {
                try db.execute("INSERT INTO t VALUES (?)", [Int64(4)])
                throw Refusal()
            }
        }
        try db.savepoint("last") { try db.execute("INSERT INTO t VALUES (?)", [Int64(5)]) }
        try db.commitWrite()
        #expect(db.pendingCommands.isEmpty)
        #expect(try ids(db) == [1, 3, 5])
    }

    /// Statements sent together with `forEachRow(in:)` each see what the ones before them wrote,
    /// and their rows come back statement by statement.
    @Test func rowsOfStatementsSentTogetherComeBackPerStatement() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (id BIGINT PRIMARY KEY)")
        try db.beginWrite()
        var rows: [Int: [Int64]] = [:]
        try db.savepoint("w") {
            try db.forEachRow(in: [
                SQLStatement("INSERT INTO t VALUES (?), (?) RETURNING id", [Int64(1), Int64(2)]),
                SQLStatement("SELECT count(*) FROM t"),
                SQLStatement("SELECT id FROM t WHERE id > ? ORDER BY id", [Int64(0)]),
            ]) { index, row in rows[index, default: []].append(row.int64(0)) }
        }
        try db.commitWrite()
        #expect(rows == [0: [1, 2], 1: [2], 2: [1, 2]])
    }

    /// One batch of six ballot writes on PostgreSQL: one fails in its row statements (a proposal
    /// that does not exist), one throws before touching the database, one after its first round
    /// trip; the other three — one of them with a savepoint of its own inside — commit, and the
    /// running tallies count exactly the stored rows.
    @Test func aFailingWriteInTheMiddleOfABatchIsRolledBackAloneAndTheOthersCommit() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let room = try TestRoom(in: store, voters: 6, proposals: 3)
        let (workshopID, voters, proposals) = (room.workshopID, room.voters, room.proposals)
        let ballot: @Sendable (Int, [Int64: Int]) -> Ballot = { voter, support in
            Ballot(participantID: voters[voter], support: support)
        }
        let gate = Gate()
        let holder = Task { try await store.write { _ in gate.waitUntilOpened() } }
        try await gate.entered()
        let before = store.writerStatistics.transactions
        let bodies: [@Sendable (any SQLDatabase) throws -> Void] = [
            { db in try db.ballots.replace(ballot(0, [proposals[0]: 2, proposals[1]: 1]), workshopID: workshopID) },
            { db in try db.ballots.replace(ballot(1, [proposals[0]: 1, 999_999: 1]), workshopID: workshopID) },
            { _ in throw Refusal() },
            { db in
                try db.ballots.replace(ballot(3, [proposals[2]: 3]), workshopID: workshopID)
                throw Refusal()
            },
            { db in try db.ballots.replace(ballot(4, [proposals[1]: 1]), workshopID: workshopID) },
            { db in
                try db.savepoint { try db.ballots.replace(ballot(5, [proposals[2]: 1]), workshopID: workshopID) }
                _ = try db.ballots.count(workshopID: workshopID)
            },
        ]
        var tasks: [Task<Void, Error>] = []
        for (index, body) in bodies.enumerated() {
            tasks.append(Task { try await store.write(body) })
            // Queued one after the other, so that they run in this order in the next batch.
            while store.queuedWrites < index + 1 { try await Task.sleep(nanoseconds: 1_000_000) }
        }
        gate.open()
        try await holder.value
        var outcomes: [String] = []
        for task in tasks {
            do {
                try await task.value
                outcomes.append("ok")
            } catch let error as StoreError {
                outcomes.append("\(error.kind)")
            } catch {
                outcomes.append(error is Refusal ? "refused" : "\(error)")
            }
        }
        #expect(outcomes == ["ok", "constraint", "refused", "refused", "ok", "ok"])
        // The holder's transaction and one shared by the six writes.
        #expect(store.writerStatistics.transactions - before == 2)
        let stored = try store.read { db in try db.ballots.castSupport(workshopID: workshopID) }
        #expect(stored.map(\.participantID) == [voters[0], voters[4], voters[5]])
        #expect(stored.map(\.support) == [[proposals[0]: 2, proposals[1]: 1], [proposals[1]: 1], [proposals[2]: 1]])
        let tallies = try store.read { db in try db.ballots.tallies(workshopID: workshopID) }
        #expect(tallies[proposals[0]] == SupportTally(support: 2, supporters: 1))
        #expect(tallies[proposals[1]] == SupportTally(support: 2, supporters: 2))
        #expect(tallies[proposals[2]] == SupportTally(support: 1, supporters: 1))
        // The store goes on writing afterwards.
        try await store.write { db in try db.ballots.replace(ballot(1, [proposals[0]: 1]), workshopID: workshopID) }
        #expect(try store.read { db in try db.ballots.count(workshopID: workshopID) } == 4)
    }
}
