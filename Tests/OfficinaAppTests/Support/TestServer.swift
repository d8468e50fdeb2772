import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore
@testable import OfficinaApp

/// A real Officina server on a random loopback port with a fresh SQLite file in a temporary
/// folder (or a fresh PostgreSQL schema when `OFFICINA_TEST_DB` is set, see ``TestDatabase``), the seeded programme, and a facilitator `facilitator` / `correct horse battery`.
final class TestServer: @unchecked Sendable {
    static let username = "facilitator"
    static let password = "correct horse battery"

    let directory: URL
    let database: TestDatabase
    let application: Application
    let http: HTTPServer
    var port: Int { http.port }
    var store: Store { application.context.store }

    init(
        configure: @Sendable (inout AppConfiguration) -> Void = { _ in },
        configureServer: @Sendable (inout ServerConfiguration) -> Void = { _ in }
    ) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("officina-app-\(UUID().uuidString)")
        let web = directory.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
        for page in ["index", "participant", "console", "screen"] {
            try Data("<!doctype html><title>\(page)</title>".utf8).write(to: web.appendingPathComponent("\(page).html"))
        }
        var configuration = AppConfiguration()
        configuration.port = 0
        database = try TestDatabase(folder: directory)
        configuration.databasePath = database.location
        configuration.webRoot = web.path
        configuration.seedsPath = Self.seedsFolder
        configuration.pbkdf2Iterations = 1_000
        configuration.accessLog = false
        // No login allowance refills within a test: counts of refusals must not depend on how slowly
        // a loaded machine runs the requests (tests that need a refill set their own rate).
        configuration.loginRefillPerSecond = 1.0 / 3600
        configure(&configuration)
        application = Application(configuration: configuration, store: try Store.open(configuration.databasePath))
        _ = try application.loadSeedsIfEmpty()
        let hash = try PasswordHash.create(password: Self.password, iterations: 1_000).encoded
        _ = try application.context.store.writeBlocking { try $0.facilitators.create(username: Self.username, passwordHash: hash) }
        var server = ServerConfiguration()
        server.port = 0
        server.ioThreads = 1
        server.accessLog = .disabled
        server.shutdownTimeout = 2
        // These tests are not about the header deadline (OfficinaHTTPTests are): a generous one keeps a
        // starved event loop (ThreadSanitizer on a loaded machine) from answering 408 to a request
        // whose bytes have long arrived.
        server.headerTimeout = 60
        configureServer(&server)
        http = HTTPServer(configuration: server, responder: application.router)
        try http.start()
        application.context.serverStarted(port: http.port)
    }

    /// Stops the server and removes the folder.
    func stop() {
        http.shutdown()
        application.shutdown()
        database.drop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The repository's `seeds/` folder.
    static var seedsFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds").path
    }

    func browser() -> Browser { Browser(port: port) }

    /// A browser signed in as the facilitator.
    func facilitator() async throws -> Browser {
        let browser = browser()
        let response = try await browser.post("/api/session", ["username": .string(Self.username), "password": .string(Self.password)])
        guard response.status == 200 else { throw TestFailure("login failed: \(response)") }
        return browser
    }

    /// The code of the seeded workshop at `index` (0–4).
    func seededCode(_ index: Int = 0) throws -> String {
        try store.read { db in try db.programmes.list()[0].workshops[index].code.value }
    }
}

/// Runs `body` with a fresh server and always stops it. Starting and stopping block (the
/// store opens, shutdown waits for handlers), so they run on a GCD thread, not on Swift's
/// cooperative pool that the server's handlers need.
func withServer(
    configure: @escaping @Sendable (inout AppConfiguration) -> Void = { _ in },
    configureServer: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try await offPool { try TestServer(configure: configure, configureServer: configureServer) }
    do {
        try await body(server)
    } catch {
        try await offPool { server.stop() }
        throw error
    }
    try await offPool { server.stop() }
}
