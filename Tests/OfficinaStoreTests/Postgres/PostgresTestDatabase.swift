import Foundation
@testable import OfficinaStore

/// A fresh schema in the PostgreSQL database named by `OFFICINA_TEST_DB` (see scripts/pg-throwaway.sh),
/// dropped on `deinit`. The suites using it run only when that variable is set.
final class PostgresTestDatabase {
    static var baseURL: String? {
        ProcessInfo.processInfo.environment["OFFICINA_TEST_DB"].flatMap { PostgresURL.isPostgres($0) ? $0 : nil }
    }

    static var isConfigured: Bool { baseURL != nil }

    let schema: String
    /// A URL whose `search_path` is the fresh schema; its connections are named after it.
    let url: String
    private let base: String

    init() throws {
        guard let base = Self.baseURL else { throw StoreError(.cannotOpen, message: "OFFICINA_TEST_DB is not set") }
        self.base = base
        schema = "store_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresConnection(url: base).executeScript("CREATE SCHEMA \(schema)")
        url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)&application_name=\(schema)"
    }

    func connect() throws -> PostgresConnection {
        try PostgresConnection(url: url)
    }

    deinit {
        try? PostgresConnection(url: base).executeScript("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }
}
