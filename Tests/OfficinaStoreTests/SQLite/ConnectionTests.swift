import Foundation
import Testing
@testable import OfficinaStore

@Suite struct ConnectionTests {
    @Test func everySupportedTypeRoundTripsThroughBoundParameters() throws {
        let folder = try TemporaryFolder()
        let connection = try Connection(path: folder.path("types.db"))
        try connection.executeScript("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, f INTEGER, d REAL, n TEXT)")
        let date = Date(timeIntervalSince1970: 1_764_417_600.123_456)
        let text = "Città — «virgolette» ' ; DROP TABLE t; --"
        try connection.execute(
            "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)",
            [Int64.max, 3.25, text, Data([0, 1, 255]), true, date, String?.none]
        )
        let row = try #require(try connection.queryOne("SELECT i, r, s, b, f, d, n FROM t") { row in
            (row.int64(0), row.double(1), row.text(2), row.data(3), row.bool(4), row.date(5), row.optionalText(6))
        })
        #expect(row.0 == Int64.max)
        #expect(row.1 == 3.25)
        #expect(row.2 == text)
        #expect(row.3 == Data([0, 1, 255]))
        #expect(row.4 == true)
        #expect(row.5 == date)
        #expect(row.6 == nil)
        let bytes = try connection.queryOne("SELECT b FROM t") { try $0.decode([UInt8].self, at: 0) }
        #expect(bytes == [0, 1, 255])
    }

    @Test func anErrorCarriesCodeMessageAndSQLButNotTheBoundValues() throws {
        let folder = try TemporaryFolder()
        let connection = try Connection(path: folder.path("errors.db"))
        try connection.executeScript("CREATE TABLE t (name TEXT UNIQUE)")
        try connection.execute("INSERT INTO t VALUES (?)", ["secret-value"])
        let error = try #require(throws: StoreError.self) {
            try connection.execute("INSERT INTO t VALUES (?)", ["secret-value"])
        }
        #expect(error.kind == .constraint)
        #expect(error.code == 2067) // SQLITE_CONSTRAINT_UNIQUE
        #expect(error.sql == "INSERT INTO t VALUES (?)")
        #expect(error.message.contains("UNIQUE"))
        #expect(!error.description.contains("secret-value"))
    }

    @Test func aCachedStatementIsPreparedOnceAndReused() throws {
        let folder = try TemporaryFolder()
        let connection = try Connection(path: folder.path("cache.db"))
        let first = try connection.cachedStatement("SELECT 1")
        let second = try connection.cachedStatement("SELECT 1")
        #expect(first === second)
        for value in 0..<3 {
            #expect(try connection.queryOne("SELECT ? + 1", [value]) { $0.int(0) } == value + 1)
        }
    }

    @Test func aWrongNumberOfArgumentsIsRefused() throws {
        let folder = try TemporaryFolder()
        let connection = try Connection(path: folder.path("arguments.db"))
        #expect(throws: StoreError.self) { try connection.execute("SELECT ?, ?", [1]) }
    }

    @Test func openingInAMissingFolderFailsWithTheReason() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: StoreError.self) {
            try Connection(path: folder.path("missing/deeper/x.db"))
        }
        #expect(error.kind == .cannotOpen)
    }

    @Test func aSavepointRollsBackOnlyItsOwnChanges() throws {
        let folder = try TemporaryFolder()
        let connection = try Connection(path: folder.path("savepoint.db"))
        try connection.executeScript("CREATE TABLE t (n INTEGER)")
        try connection.transaction {
            try connection.execute("INSERT INTO t VALUES (1)")
            _ = try? connection.savepoint {
                try connection.execute("INSERT INTO t VALUES (2)")
                throw StoreError(.sqlite, message: "undo")
            }
        }
        #expect(try connection.query("SELECT n FROM t") { $0.int(0) } == [1])
    }

    @Test func insertRowsSplitsLargeInsertsAndKeepsEveryRow() throws {
        let folder = try TemporaryFolder()
        let connection = try Connection(path: folder.path("rows.db"))
        try connection.executeScript("CREATE TABLE t (a INTEGER, b TEXT)")
        let values: [any DatabaseValueConvertible] = (0..<70).flatMap { index -> [any DatabaseValueConvertible] in [index, "row \(index)"] }
        try connection.insertRows("INSERT INTO t (a, b)", columns: 2, values: values)
        try connection.insertRows("INSERT INTO t (a, b)", columns: 2, values: [70, "row 70"])
        let rows = try connection.query("SELECT a, b FROM t ORDER BY a") { "\($0.int(0)):\($0.text(1))" }
        #expect(rows == (0...70).map { "\($0):row \($0)" })
        #expect(throws: StoreError.self) { try connection.insertRows("INSERT INTO t (a, b)", columns: 2, values: [1]) }
    }
}
