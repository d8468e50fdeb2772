import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// A write batch's ballots stored together with set-based statements on PostgreSQL
/// (`PostgresBallotBatch`): the same outcomes, stored ballots and running tallies as one by one on
/// SQLite, a refused ballot refused alone, and a ballot a statement fails on (a proposal that does
/// not exist) failing alone while the others of its run commit.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"), .timeLimit(.minutes(3)))
struct PostgresBallotBatchTests {
    private struct Refusal: Error {}

    /// What a scenario leaves: each write's outcome, the stored ballots, whether the running tallies
    /// equal a rebuild from the rows, the transactions the queued writes took, and how many ballots
    /// were stored together.
    private struct Result: Equatable {
        var outcomes: [String] = []
        var ballots: [Ballot] = []
        var talliesMatchRows = false
        var transactions = 0
        var storedTogether = 0
    }

    private typealias Queued = @Sendable (Store, TestRoom) async throws -> String

    /// Sets up a room with an earlier ballot, queues `writes` in order behind a held write, lets them
    /// run as one batch and reads what they left.
    private func run(_ store: Store, _ writes: [Queued]) async throws -> Result {
        let room = try TestRoom(in: store, voters: 6, proposals: 3, author: 5)
        try await store.replaceBallot(room.ballot(3, [0: 2, 1: 1], [0: ["space": 3, "community": 1]]), workshopID: room.workshopID)
        let gate = Gate()
        let holder = Task { try await store.write { _ in gate.waitUntilOpened() } }
        try await gate.entered()
        let before = store.writerStatistics
        var tasks: [Task<String, Error>] = []
        for (index, write) in writes.enumerated() {
            tasks.append(Task { try await write(store, room) })
            // Queued one after the other, so that they run in this order in the next batch.
            while store.queuedWrites < index + 1 { try await Task.sleep(nanoseconds: 1_000_000) }
        }
        gate.open()
        try await holder.value
        var result = Result()
        for task in tasks {
            do {
                result.outcomes.append(try await task.value)
            } catch let error as StoreError {
                result.outcomes.append("\(error.kind)")
            } catch {
                result.outcomes.append(error is Refusal ? "refused" : "\(error)")
            }
        }
        let after = store.writerStatistics
        result.transactions = after.transactions - before.transactions - 1
        result.storedTogether = after.ballotsStoredTogether - before.ballotsStoredTogether
        result.ballots = try store.read { db in try db.ballots.all(workshopID: room.workshopID) }
            .map { ballot in
                var plain = ballot
                plain.participantID = Int64(room.voters.firstIndex(of: ballot.participantID) ?? -1)
                plain.support = Dictionary(uniqueKeysWithValues: ballot.support.map { (Int64(room.proposals.firstIndex(of: $0.key) ?? -1), $0.value) })
                plain.ratings = Dictionary(uniqueKeysWithValues: ballot.ratings.map { (Int64(room.proposals.firstIndex(of: $0.key) ?? -1), $0.value) })
                return plain
            }
        result.talliesMatchRows = try room.talliesMatchARebuild(in: store)
        return result
    }

    /// Six ballots in one batch: a rewrite that keeps some cells, a voter's two ballots (the later
    /// wins), one refused by its check, checks that read the workshop's context.
    private let runWithoutFailures: [Queued] = [
        { store, room in try await store.replaceBallot(room.ballot(0, [0: 1, 1: 1], [1: ["space": 4]]), workshopID: room.workshopID); return "ok" },
        { store, room in
            try await store.replaceBallot(room.ballot(1, [0: 1]), workshopID: room.workshopID) { (_: BallotWriteContext) -> String in throw Refusal() }
        },
        { store, room in
            try await store.replaceBallot(room.ballot(3, [0: 2, 2: 3], [0: ["space": 3, "partnerships": 2]]), workshopID: room.workshopID) { context in
                // The authors of the proposals this ballot names (0 and 2); a batch may read more.
                let authors = [0, 2].map { context.visibleAuthors[room.proposals[$0]] == room.voters[5] }
                return "\(context.workshop?.id == room.workshopID) \(authors) \(context.goalKeys.sorted())"
            }
        },
        { store, room in try await store.replaceBallot(room.ballot(0, [2: 2]), workshopID: room.workshopID); return "ok" },
        { store, room in try await store.replaceBallot(room.ballot(4, [1: 1], [1: ["community": 0]]), workshopID: room.workshopID) { _ in "checked" } },
        { store, room in try await store.replaceBallot(room.ballot(2, [:]), workshopID: room.workshopID); return "ok" },
    ]

    private var expectedWithoutFailures: Result {
        Result(
            outcomes: ["ok", "refused", "true [true, true] [\"community\", \"partnerships\", \"space\"]", "ok", "checked", "ok"],
            ballots: [
                Ballot(participantID: 0, support: [2: 2]),
                Ballot(participantID: 2),
                Ballot(participantID: 3, support: [0: 2, 2: 3], ratings: [0: ["space": 3, "partnerships": 2]]),
                Ballot(participantID: 4, support: [1: 1], ratings: [1: ["community": 0]]),
            ],
            talliesMatchRows: true, transactions: 1, storedTogether: 0)
    }

    @Test func aBatchOfBallotsStoredTogetherLeavesWhatSQLiteLeavesOneByOne() async throws {
        let database = try PostgresTestDatabase()
        let postgres = try Store(postgres: database.url)
        defer { postgres.close() }
        let onPostgres = try await run(postgres, runWithoutFailures)
        let folder = try TemporaryFolder()
        let sqlite = try Store(path: folder.path("ballots.db"))
        defer { sqlite.close() }
        let onSQLite = try await run(sqlite, runWithoutFailures)
        var expected = expectedWithoutFailures
        #expect(onSQLite == expected)
        expected.storedTogether = 6
        #expect(onPostgres == expected)
    }

    /// A ballot naming a proposal that does not exist fails the set-based statements: the run is
    /// rolled back and its writes run one by one, so only that ballot fails, in the same transaction.
    @Test func aBallotAStatementFailsOnFailsAloneAndTheRestOfItsRunCommits() async throws {
        var writes = runWithoutFailures
        writes.insert({ store, room in
            try await store.replaceBallot(room.ballot(5, [0: 1, 9: 1]), workshopID: room.workshopID)
            return "ok"
        }, at: 2)
        var expected = expectedWithoutFailures
        expected.outcomes.insert("constraint", at: 2)
        let database = try PostgresTestDatabase()
        let postgres = try Store(postgres: database.url)
        defer { postgres.close() }
        let onPostgres = try await run(postgres, writes)
        let folder = try TemporaryFolder()
        let sqlite = try Store(path: folder.path("ballots.db"))
        defer { sqlite.close() }
        let onSQLite = try await run(sqlite, writes)
        #expect(onSQLite == expected)
        #expect(onPostgres == expected)
        // The run went back to one by one: nothing counted as stored together.
        #expect(onPostgres.storedTogether == 0)
    }

    @Test func arrayLiteralsQuoteEveryString() throws {
        #expect(PostgresBallotBatch.array([Int64(1), -2, 3]) == "{1,-2,3}")
        #expect(PostgresBallotBatch.array(["a", "b\"c", "d\\e", "", "NULL", "x,y"]) == #"{"a","b\"c","d\\e","","NULL","x,y"}"#)
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        let values = ["a", "b\"c", "d\\e", "", "NULL", "x,y", "{}"]
        let read = try db.query("SELECT unnest(CAST(? AS TEXT[]))", [PostgresBallotBatch.array(values)]) { $0.text(0) }
        #expect(read == values)
    }
}
