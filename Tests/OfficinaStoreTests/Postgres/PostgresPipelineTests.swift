import Foundation
import Testing
@testable import OfficinaStore

/// ``PostgresConnection/executeAll(_:)`` against a real server: statements sent together in libpq's
/// pipeline mode behave as the same statements run one by one.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct PostgresPipelineTests {
    private func ids(_ db: PostgresConnection) throws -> [Int64] {
        try db.query("SELECT id FROM t ORDER BY id") { $0.int64(0) }
    }

    @Test func statementsSentTogetherRunInOrderInsideTheTransaction() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        #expect(db.library.pipeline != nil, "Debian's libpq5 (15) has pipeline mode")
        try db.executeScript("CREATE TABLE t (id BIGINT PRIMARY KEY, note TEXT)")
        try db.beginWrite()
        try db.executeAll([
            SQLStatement("INSERT INTO t VALUES (?, ?), (?, ?)", [Int64(1), "a", Int64(2), "b"]),
            SQLStatement("DELETE FROM t WHERE id = ?", [Int64(1)]),
            SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(3), "c"]),
            SQLStatement("UPDATE t SET note = note || ? WHERE id >= ?", ["!", Int64(2)]),
        ])
        #expect(db.changes == 2)
        // The shapes are prepared once and reused by the next pipeline.
        let prepared = db.preparedStatements.count
        try db.executeAll([
            SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(4), "d"]),
            SQLStatement("DELETE FROM t WHERE id = ?", [Int64(2)]),
        ])
        #expect(db.preparedStatements.count == prepared)
        try db.commitWrite()
        #expect(try ids(db) == [3, 4])
        #expect(try db.queryOne("SELECT note FROM t WHERE id = 3") { $0.text(0) } == "c!")
    }

    /// A failing statement in the middle: its error is thrown (the first one, not the skipped
    /// statements'), the ones after it are not run, and the caller's savepoint undoes the lot while
    /// the transaction goes on.
    @Test func theFirstFailureIsThrownAndTheSavepointUndoesTheWholeGroup() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (id BIGINT PRIMARY KEY, note TEXT)")
        try db.beginWrite()
        try db.execute("INSERT INTO t VALUES (?, ?)", [Int64(1), "kept"])
        let error = #expect(throws: StoreError.self) {
            try db.savepoint {
                try db.executeAll([
                    SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(2), "undone"]),
                    SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(1), "duplicate"]),
                    SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(3), "never run"]),
                ])
            }
        }
        #expect(error?.kind == .constraint)
        #expect(error?.message.contains("duplicate key") == true)
        try db.executeAll([
            SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(5), "after"]),
            SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(6), "after"]),
        ])
        try db.commitWrite()
        #expect(try ids(db) == [1, 5, 6])
    }

    /// Outside a transaction (each statement its own), they run one by one: a failure leaves the
    /// earlier ones stored, as with `execute`.
    @Test func outsideATransactionTheStatementsRunOneByOne() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (id BIGINT PRIMARY KEY, note TEXT)")
        #expect(throws: StoreError.self) {
            try db.executeAll([
                SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(1), "a"]),
                SQLStatement("INSERT INTO t VALUES (?, ?)", [Int64(1), "b"]),
            ])
        }
        #expect(try ids(db) == [1])
    }
}
