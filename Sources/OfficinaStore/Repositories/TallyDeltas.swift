/// Changes to the running tallies ("18-tallies") that a write batch owes, accumulated by the writer
/// from each ballot's old and new rows and applied once, in a fixed order, before the batch commits.
///
/// A ballot rewrite touches a few dozen histogram rows; applied one by one (as row triggers did)
/// that was most of a ballot's SQL cost, and on PostgreSQL it locked shared rows in whatever order
/// the ballots came. Summed over a batch, rewrites that keep a row cancel out, many ballots on one
/// proposal become one change, and every batch takes its row locks in the same order (table, then
/// proposal, goal, value), so two instances' batches wait for each other instead of deadlocking.
///
/// The changes are kept as a log, appended to by each write and folded once per batch: a savepoint
/// remembers the log's length (``mark``) and a rolled-back write cuts it back (``rollBack(to:)``),
/// so no write copies what the batch owed before it (a copy per write cost O(batch) each).
public struct TallyDeltas: Sendable, Equatable {
    struct SupportKey: Hashable, Comparable {
        let proposal: Int64
        let dots: Int
        static func < (a: Self, b: Self) -> Bool { (a.proposal, a.dots) < (b.proposal, b.dots) }
    }

    struct RatingKey: Hashable, Comparable {
        let proposal: Int64
        let goal: String
        let value: Int
        static func < (a: Self, b: Self) -> Bool { (a.proposal, a.goal, a.value) < (b.proposal, b.goal, b.value) }
    }

    private var supportLog: [(key: SupportKey, change: Int)] = []
    private var ratingLog: [(key: RatingKey, change: Int)] = []
    /// Per proposal, ballots that start (+1) or stop (-1) rating it ("20-rater-tallies").
    private var raterLog: [(proposal: Int64, change: Int)] = []

    /// No change owed.
    public init() {}

    /// Whether every change nets to zero.
    public var isEmpty: Bool {
        !support.values.contains { $0 != 0 } && !ratings.values.contains { $0 != 0 } && !raters.values.contains { $0 != 0 }
    }

    /// The net change per support key (zero nets included).
    var support: [SupportKey: Int] { Dictionary(supportLog.map { ($0.key, $0.change) }, uniquingKeysWith: +) }

    /// The net change per rating key (zero nets included).
    var ratings: [RatingKey: Int] { Dictionary(ratingLog.map { ($0.key, $0.change) }, uniquingKeysWith: +) }

    /// The net change of rating ballots per proposal (zero nets included).
    var raters: [Int64: Int] { Dictionary(raterLog.map { ($0.proposal, $0.change) }, uniquingKeysWith: +) }

    /// Where the log stands now: what ``rollBack(to:)`` returns to.
    public var mark: Mark { Mark(support: supportLog.count, ratings: ratingLog.count, raters: raterLog.count) }

    /// A length of the log, taken before a write that may be rolled back.
    public struct Mark: Sendable, Equatable {
        let support: Int
        let ratings: Int
        let raters: Int
    }

    /// Drops every change logged since `mark` (a rolled-back savepoint's).
    public mutating func rollBack(to mark: Mark) {
        supportLog.removeSubrange(min(mark.support, supportLog.count)...)
        ratingLog.removeSubrange(min(mark.ratings, ratingLog.count)...)
        raterLog.removeSubrange(min(mark.raters, raterLog.count)...)
    }

    mutating func addSupport(proposal: Int64, dots: Int, _ change: Int) {
        supportLog.append((SupportKey(proposal: proposal, dots: dots), change))
    }

    mutating func addRating(proposal: Int64, goal: String, value: Int, _ change: Int) {
        ratingLog.append((RatingKey(proposal: proposal, goal: goal, value: value), change))
    }

    /// Counts a ballot that starts or stops rating a proposal when its ratings go from `old` to `new`.
    mutating func addRaters(old: [Int64: [String: Int]], new: [Int64: [String: Int]]) {
        for (proposal, goals) in old where !goals.isEmpty && new[proposal]?.isEmpty ?? true {
            raterLog.append((proposal, -1))
        }
        for (proposal, goals) in new where !goals.isEmpty && old[proposal]?.isEmpty ?? true {
            raterLog.append((proposal, 1))
        }
    }

    /// Adds another write's changes (a released savepoint's, into its batch).
    mutating func merge(_ other: TallyDeltas) {
        supportLog += other.supportLog
        ratingLog += other.ratingLog
        raterLog += other.raterLog
    }

    /// Equal when they owe the same net changes, however they were logged.
    public static func == (a: TallyDeltas, b: TallyDeltas) -> Bool {
        a.support.filter { $0.value != 0 } == b.support.filter { $0.value != 0 }
            && a.ratings.filter { $0.value != 0 } == b.ratings.filter { $0.value != 0 }
            && a.raters.filter { $0.value != 0 } == b.raters.filter { $0.value != 0 }
    }

    /// Rows per upsert: few statements per batch, few distinct statement shapes to prepare.
    static let rowsPerStatement = 64

    /// Applies the non-zero changes with multi-row upserts, support, then ratings, then raters, each sorted by key.
    ///
    /// Changes on a proposal that no longer exists (its workshop deleted later in the same batch) are
    /// dropped by the `EXISTS` filter: its ballot rows and tally rows are gone with it. `ORDER BY`
    /// makes the insertion (and so PostgreSQL's row-lock) order the key order whatever plan is chosen.
    func apply(to db: any SQLDatabase) throws {
        try db.executeAll(statements())
    }

    /// The upserts ``apply(to:)`` runs, in order, for sending along with others (one round trip on
    /// PostgreSQL; the order, and so the lock order, is the same).
    func statements() -> [SQLStatement] {
        var statements: [SQLStatement] = []
        let support = self.support.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        var start = 0
        while start < support.count {
            let chunk = support[start..<min(start + Self.rowsPerStatement, support.count)]
            statements.append(SQLStatement(
                Self.upsert(table: "support_tallies", columns: ["proposal_id", "dots"], types: ["BIGINT", "BIGINT"], rows: chunk.count),
                chunk.flatMap { [$0.key.proposal, Int64($0.key.dots), Int64($0.value)] as [any DatabaseValueConvertible] }))
            start += chunk.count
        }
        let ratings = self.ratings.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        start = 0
        while start < ratings.count {
            let chunk = ratings[start..<min(start + Self.rowsPerStatement, ratings.count)]
            statements.append(SQLStatement(
                Self.upsert(table: "rating_tallies", columns: ["proposal_id", "goal_key", "value"], types: ["BIGINT", "TEXT", "BIGINT"], rows: chunk.count),
                chunk.flatMap { [$0.key.proposal, $0.key.goal, Int64($0.key.value), Int64($0.value)] as [any DatabaseValueConvertible] }))
            start += chunk.count
        }
        let raters = self.raters.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        start = 0
        while start < raters.count {
            let chunk = raters[start..<min(start + Self.rowsPerStatement, raters.count)]
            statements.append(SQLStatement(
                Self.upsert(table: "rater_tallies", columns: ["proposal_id"], types: ["BIGINT"], rows: chunk.count),
                chunk.flatMap { [$0.key, Int64($0.value)] as [any DatabaseValueConvertible] }))
            start += chunk.count
        }
        return statements
    }

    /// `INSERT … SELECT … FROM (VALUES …)` adding `ballots` to the key's row, creating it when missing.
    /// Parameters are cast so PostgreSQL types the `VALUES` columns (it would read them as text).
    /// Both engines name a `VALUES` list's columns `column1`, `column2`, …
    static func upsert(table: String, columns: [String], types: [String], rows: Int) -> String {
        let row = "(" + (types + ["BIGINT"]).map { "CAST(? AS \($0))" }.joined(separator: ", ") + ")"
        let keys = columns.indices.map { "v.column\($0 + 1)" }
        return """
            INSERT INTO \(table) (\(columns.joined(separator: ", ")), ballots)
            SELECT \(keys.joined(separator: ", ")), v.column\(columns.count + 1)
            FROM (VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))) AS v
            WHERE EXISTS (SELECT 1 FROM proposals p WHERE p.id = v.column1)
            ORDER BY \(keys.joined(separator: ", "))
            ON CONFLICT (\(columns.joined(separator: ", "))) DO UPDATE SET ballots = \(table).ballots + excluded.ballots
            """
    }
}
