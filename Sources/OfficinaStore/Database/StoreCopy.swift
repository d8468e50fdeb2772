import Foundation

/// Copies every row of one Officina database into another, SQLite to PostgreSQL or back
/// (`officina migrate`), in one transaction on the target, then checks each table's row count
/// and checksum on both sides.
public enum StoreCopy {
    /// One table as copied: rows and an order-independent checksum (the sum of each row's
    /// FNV-1a hash over its values as text), equal on both sides when the copy is exact.
    public struct TableReport: Sendable, Equatable {
        public let table: String
        public let rows: Int
        public let checksum: UInt64
    }

    /// Every table, parents before children; `officina_migrations` is each engine's own.
    public static let tables = [
        "programmes", "goals", "workshops", "phase_log", "facilitators", "sessions", "setup_tokens", "participants",
        "access_codes", "proposals", "buildons", "ballots", "ballot_support", "ballot_ratings", "merges", "merge_moves",
        "events", "proposal_edits", "login_devices", "workshop_scoring", "server_secrets", "proposal_notes",
        "workshop_auto_advance", "offer_kinds", "offers", "actions", "action_notes", "return_links", "participant_devices",
        "contact_exports",
    ]

    /// Tables whose `id` is generated (an identity column on PostgreSQL, to move past the copied ids).
    static let identityTables: Set = [
        "programmes", "goals", "workshops", "phase_log", "facilitators", "participants", "access_codes", "proposals",
        "buildons", "ballots", "merges", "offers", "actions", "action_notes", "contact_exports",
    ]

    /// Columns derived from others and rebuilt on the target, not copied: a ballot's packed content
    /// (SQLite only) follows from its support and rating rows.
    static let derivedColumns: [String: Set<String>] = ["ballots": ["content"]]

    /// Copies `source` into `target`. A target holding any row (other than its own generated
    /// secret) is refused unless `force`, which empties it first. Returns the source's reports,
    /// which the target's matched.
    public static func copy(from source: Store, to target: Store, force: Bool) throws -> [TableReport] {
        let data = try source.read { db in try tables.map { ($0, try columns(of: $0, in: db), try rows(of: $0, in: db)) } }
        try target.writeBlocking { db in
            let existing = try tables.filter { $0 != "server_secrets" }.reduce(0) { $0 + (try count($1, in: db)) }
            guard existing == 0 || force else {
                throw StoreError(.incompatible, message: "the target already holds \(existing) rows; pass --force to replace them")
            }
            if db.dialect == .sqlite { try db.execute("PRAGMA defer_foreign_keys = ON") }
            for table in tables.reversed() { try db.execute("DELETE FROM \(table)") }
            for (table, columns, rows) in data {
                let ordered = table == "proposals" ? mergeTargetsFirst(rows, columns: columns) : rows
                try db.insertRows("INSERT INTO \(table) (\(columns.joined(separator: ", ")))", columns: columns.count,
                                  values: ordered.flatMap { $0 })
                if db.dialect == .postgres, identityTables.contains(table) {
                    try db.execute("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce((SELECT max(id) FROM \(table)), 0) + 1, false)")
                }
            }
            // The rows went in by plain SQL, past the ballot writer that keeps the running tallies
            // and (SQLite) each ballot's content.
            try db.ballots.rebuildTallies()
            try db.ballots.fillMissingContent()
            // Statistics for the planner now, not at autovacuum's next pass: without them it scans
            // whole tables for the ballot writer's lookups by id lists (docs/scaling.md).
            if db.dialect == .postgres { try db.execute("ANALYZE", []) }
        }
        let expected = data.map { report(table: $0.0, rows: $0.2) }
        let copied = try target.read { db in try tables.map { report(table: $0, rows: try rows(of: $0, in: db, columns: try columns(of: $0, in: db))) } }
        for (want, got) in zip(expected, copied) where want != got {
            throw StoreError(.sqlite, message: "table \(want.table) differs after the copy: \(want.rows) rows (checksum \(want.checksum)) copied, \(got.rows) (checksum \(got.checksum)) found")
        }
        return expected
    }

    /// Column names in a fixed order (sorted), the same on both engines; derived ones left out.
    static func columns(of table: String, in db: any SQLDatabase) throws -> [String] {
        let derived = derivedColumns[table] ?? []
        return try storedColumns(of: table, in: db).filter { !derived.contains($0) }
    }

    private static func storedColumns(of table: String, in db: any SQLDatabase) throws -> [String] {
        switch db.dialect {
        case .sqlite:
            return try db.query("SELECT name FROM pragma_table_info(?) ORDER BY name", [table]) { $0.text(0) }
        case .postgres:
            return try db.query("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
                ORDER BY column_name
                """, [table]) { $0.text(0) }
        }
    }

    static func rows(of table: String, in db: any SQLDatabase, columns given: [String]? = nil) throws -> [[DatabaseValue]] {
        let columns = try given ?? columns(of: table, in: db)
        return try db.query("SELECT \(columns.joined(separator: ", ")) FROM \(table)", []) { row in
            (0..<columns.count).map { row.value($0) }
        }
    }

    static func count(_ table: String, in db: any SQLDatabase) throws -> Int {
        try db.queryOne("SELECT count(*) FROM \(table)", []) { $0.int(0) } ?? 0
    }

    /// Proposals a merge points at come before the proposals merged into them (foreign keys
    /// are checked row by row on PostgreSQL).
    static func mergeTargetsFirst(_ rows: [[DatabaseValue]], columns: [String]) -> [[DatabaseValue]] {
        guard let id = columns.firstIndex(of: "id"), let into = columns.firstIndex(of: "merged_into") else { return rows }
        var placed: Set<DatabaseValue> = []
        var pending = rows
        var ordered: [[DatabaseValue]] = []
        while !pending.isEmpty {
            let (ready, waiting) = pending.reduce(into: ([[DatabaseValue]](), [[DatabaseValue]]())) { split, row in
                if row[into] == .null || placed.contains(row[into]) { split.0.append(row) } else { split.1.append(row) }
            }
            if ready.isEmpty { return ordered + waiting }
            ready.forEach { placed.insert($0[id]) }
            ordered += ready
            pending = waiting
        }
        return ordered
    }

    static func report(table: String, rows: [[DatabaseValue]]) -> TableReport {
        var sum: UInt64 = 0
        for row in rows {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for value in row {
                for byte in text(value).utf8 + [0x1F] {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
            }
            sum &+= hash
        }
        return TableReport(table: table, rows: rows.count, checksum: sum)
    }

    private static func text(_ value: DatabaseValue) -> String {
        switch value {
        case .null: "\u{0}null"
        case .integer(let number): String(number)
        case .real(let number): "\(number)"
        case .text(let string): string
        case .blob(let bytes): bytes.map { String($0, radix: 16) }.joined(separator: ".")
        }
    }
}
