import CSQLite

/// An error of the store layer.
///
/// It carries SQLite's result code, its message and the SQL text of the failing statement, but
/// never the values bound to it: bound values are user data and must not reach logs.
/// The App maps ``Kind/busy`` and ``Kind/unavailable`` to `503` with `Retry-After`.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, coarsely enough for the App to choose a status code.
    public enum Kind: String, Sendable, Hashable {
        /// The writer's queue is full, or SQLite reported `SQLITE_BUSY`/`SQLITE_LOCKED`: retry later.
        case busy
        /// The disk is full or failed (`SQLITE_FULL`, `SQLITE_IOERR`, `SQLITE_NOMEM`, `SQLITE_READONLY`):
        /// the write was not committed and the file is intact; reads may still work.
        case unavailable
        /// A `UNIQUE`, `CHECK`, `NOT NULL` or foreign-key constraint refused the change.
        case constraint
        /// The database file cannot be opened or created (missing or read-only folder, permissions).
        case cannotOpen
        /// The file is not an Officina database, or it was written by a newer Officina.
        case incompatible
        /// The store has been closed.
        case closed
        /// A stored value could not be read as the expected type.
        case decoding
        /// Any other SQLite failure.
        case sqlite
    }

    public var kind: Kind
    /// SQLite's extended result code, or 0 when the error does not come from SQLite.
    /// See <https://sqlite.org/rescode.html>.
    public var code: Int32
    /// SQLite's message (`sqlite3_errmsg`) or a message of ours.
    public var message: String
    /// The SQL of the failing statement, when there is one. Never includes bound values.
    public var sql: String?

    public init(_ kind: Kind, code: Int32 = 0, message: String, sql: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// An error from a SQLite result code, classified by its primary code.
    init(code: Int32, message: String, sql: String?) {
        self.init(Self.kind(forResultCode: code), code: code, message: message, sql: sql)
    }

    /// Classifies a result code by its primary part (the low byte, <https://sqlite.org/rescode.html>).
    static func kind(forResultCode code: Int32) -> Kind {
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, SQLITE_READONLY: .unavailable
        case SQLITE_CONSTRAINT: .constraint
        case SQLITE_CANTOPEN: .cannotOpen
        case SQLITE_NOTADB: .incompatible
        default: .sqlite
        }
    }

    /// Whether retrying later may succeed (the App answers 503 with `Retry-After`).
    public var isTransient: Bool { kind == .busy || kind == .unavailable }

    public var description: String {
        var text = "store error (\(kind.rawValue)"
        if code != 0 { text += ", SQLite code \(code)" }
        text += "): \(message)"
        if let sql { text += " — SQL: \(sql)" }
        return text
    }
}
