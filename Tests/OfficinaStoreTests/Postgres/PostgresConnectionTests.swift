import Foundation
import Testing
@testable import OfficinaStore

/// The PostgreSQL connection against a real server (`OFFICINA_TEST_DB=postgres://…`).
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct PostgresConnectionTests {
    @Test func questionMarksInsideStringsAndCommentsAreNotParameters() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        let row = try db.queryOne("SELECT '?' || 'it''s ?', ? -- trailing ?\n", ["value"]) { ($0.text(0), $0.text(1)) }
        #expect(row?.0 == "?it's ?")
        #expect(row?.1 == "value")
        #expect(PostgresPlaceholders.rewrite("SELECT ?1, ?, \"a?\" FROM t WHERE x = ?2") == "SELECT $1, $1, \"a?\" FROM t WHERE x = $2")
    }

    @Test func valuesRoundTripThroughTheColumnTypesOfTheSchema() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (i BIGINT, r DOUBLE PRECISION, s TEXT, b BYTEA, f BIGINT, d DOUBLE PRECISION, n TEXT)")
        let date = Date(timeIntervalSince1970: 1_764_000_000.123456)
        let bytes: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF]
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)", [Int64.max, 0.1, "è \u{1F600} '", bytes, true, date, String?.none])
        let row = try db.queryOne("SELECT i, r, s, b, f, d, n FROM t") { row in
            (row.int64(0), row.double(1), row.text(2), row.bytes(3), row.bool(4), row.date(5), row.optionalText(6), row.value(6), row.value(1))
        }
        let values = try #require(row)
        #expect(values.0 == Int64.max)
        #expect(values.1 == 0.1)
        #expect(values.2 == "è \u{1F600} '")
        #expect(values.3 == bytes)
        #expect(values.4)
        #expect(values.5 == date.asStored)
        #expect(values.6 == nil)
        #expect(values.7 == .null)
        #expect(values.8 == .real(0.1))
        #expect(try db.queryOne("SELECT count(*), sum(i / 2), 1 = 1 FROM t") { ($0.value(0), $0.value(1), $0.bool(2)) }.map { "\($0)" }
            == "\((DatabaseValue.integer(1), DatabaseValue.integer(Int64.max / 2), true))")
    }

    @Test func aFailedSavepointRollsBackAloneAndTheTransactionCommits() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (n BIGINT UNIQUE)")
        try db.beginWrite()
        try db.savepoint { try db.execute("INSERT INTO t VALUES (?)", [1]) }
        let error = try #require(throws: StoreError.self) {
            try db.savepoint {
                try db.execute("INSERT INTO t VALUES (?)", [2])
                try db.execute("INSERT INTO t VALUES (?)", [1])
            }
        }
        #expect(error.kind == .constraint)
        try db.execute("COMMIT")
        #expect(try db.query("SELECT n FROM t ORDER BY n") { $0.int64(0) } == [1])
        #expect(db.changes == 1)
    }

    @Test func aPreparedStatementTakesNullThenValuesAndABadOneReportsItsOwnError() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (n BIGINT, s TEXT)")
        // One text, parameters typed differently from run to run (NULL is untyped, 7 is int8).
        for value in [Int64?.none, 7, 8] {
            try db.execute("INSERT INTO t VALUES (?, ?)", [value, "x"])
        }
        #expect(try db.query("SELECT n FROM t WHERE n IS NOT NULL ORDER BY n") { $0.int64(0) } == [7, 8])
        #expect(try db.queryOne("SELECT count(*) FROM t WHERE n IS NULL") { $0.int64(0) } == 1)
        // A statement that cannot be prepared inside a transaction fails with the parser's error.
        try db.beginWrite()
        let error = try #require(throws: StoreError.self) { try db.execute("SELEC ?", [1]) }
        #expect(error.message.contains("syntax"))
        db.rollbackIfNeeded()
        #expect(try db.queryOne("SELECT count(*) FROM t") { $0.int64(0) } == 3)
    }

    @Test func nestedAndSuccessiveSavepointsKeepWhatSucceededAndUndoWhatFailed() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        try db.executeScript("CREATE TABLE t (n BIGINT UNIQUE)")
        try db.beginWrite()
        for n in [1, 2] {
            try db.savepoint("w") {
                try db.execute("INSERT INTO t VALUES (?)", [n])
                try db.savepoint("nested") { try db.execute("INSERT INTO t VALUES (?)", [n * 10]) }
            }
        }
        // The inner savepoint succeeds, the outer body fails after it: both are undone.
        #expect(throws: StoreError.self) {
            try db.savepoint("w") {
                try db.savepoint("nested") { try db.execute("INSERT INTO t VALUES (?)", [3]) }
                try db.execute("INSERT INTO t VALUES (?)", [1])
            }
        }
        try db.savepoint("w") { try db.execute("INSERT INTO t VALUES (?)", [4]) }
        try db.execute("COMMIT")
        #expect(!db.isInTransaction)
        #expect(try db.query("SELECT n FROM t ORDER BY n") { $0.int64(0) } == [1, 2, 4, 10, 20])
        // A savepoint still to release when the transaction is rolled back leaves nothing behind.
        try db.beginWrite()
        try db.savepoint("w") { try db.execute("INSERT INTO t VALUES (?)", [5]) }
        db.rollbackIfNeeded()
        #expect(try db.queryOne("SELECT count(*) FROM t") { $0.int64(0) } == 5)
    }

    @Test func aConnectionKilledByTheServerReconnectsByItself() throws {
        let database = try PostgresTestDatabase()
        let db = try database.connect()
        let pid = try #require(try db.queryOne("SELECT pg_backend_pid()") { $0.int64(0) })
        let admin = try database.connect()
        #expect(try admin.queryOne("SELECT pg_terminate_backend(?::int)", [pid]) { $0.bool(0) } == true)
        // The first statement may find the socket closed (503 for its request); the connection resets.
        let first = Result { try db.queryOne("SELECT 1") { $0.int64(0) } }
        if case .failure(let error as StoreError) = first { #expect(error.kind == .unavailable) }
        #expect(try db.queryOne("SELECT 2") { $0.int64(0) } == 2)
        #expect(try db.queryOne("SELECT pg_backend_pid()") { $0.int64(0) } != pid)
    }

    @Test func anUnreachableServerIsUnavailableNotACrash() throws {
        let error = try #require(throws: StoreError.self) { try PostgresConnection(url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=2") }
        #expect(error.kind == .unavailable)
        #expect(!error.message.contains("secret"))
    }

    @Test func passwordsStayOutOfMessages() {
        #expect(PostgresURL.redacted("postgres://u:secret@h:5432/db") == "postgres://u:***@h:5432/db")
        #expect(PostgresURL.redacted("postgres://u@h/db") == "postgres://u@h/db")
    }
}
