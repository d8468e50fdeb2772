import Foundation
import OfficinaStore

/// Where a test server keeps its data: a fresh SQLite file by default, or, when
/// `OFFICINA_TEST_DB=postgres://…` is set, a fresh schema of its own in that PostgreSQL database
/// (dropped again when the server stops), so the same suite runs against both engines.
struct TestDatabase: Sendable {
    /// What the store opens: a file path or a URL whose `search_path` is the fresh schema.
    let location: String
    /// The schema to drop at the end, for PostgreSQL.
    private let schema: String?
    private let baseURL: String?

    /// The PostgreSQL URL the suite runs against, if any.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["OFFICINA_TEST_DB"].flatMap { PostgresURL.isPostgres($0) ? $0 : nil }
    }

    init(folder: URL) throws {
        guard let base = Self.postgresURL else {
            location = folder.appendingPathComponent("officina.db").path
            schema = nil
            baseURL = nil
            return
        }
        let name = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let admin = try PostgresConnection(url: base)
        try admin.executeScript("CREATE SCHEMA \(name)")
        let separator = base.contains("?") ? "&" : "?"
        location = base + separator + "options=-csearch_path%3D\(name)"
        schema = name
        baseURL = base
    }

    /// Drops the PostgreSQL schema; nothing to do for a SQLite file (its folder is removed).
    func drop() {
        guard let schema, let baseURL, let admin = try? PostgresConnection(url: baseURL) else { return }
        try? admin.executeScript("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }
}
