import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Runs a parsed command. Every failure becomes one clear line on stderr and a non-zero exit.
public enum CommandRunner {
    /// Runs `command` and returns the process exit status.
    public static func run(_ command: Command) -> Int32 {
        do {
            switch command {
            case let .help(text):
                print(text)
            case let .serve(configuration):
                try serve(configuration)
            case let .userAdd(database, name, iterations):
                try addUser(database: database, name: name, iterations: iterations)
            case let .seed(database, file):
                try seed(database: database, file: file)
            case let .export(database, code, format, output):
                try export(database: database, code: code, format: format, output: output)
            case let .backup(database, file):
                try backup(database: database, file: file)
            case let .purgeContacts(database, days):
                try purgeContacts(database: database, days: days)
            case let .migrate(from, to, force):
                try migrate(from: from, to: to, force: force)
            }
            return 0
        } catch {
            fail(Self.message(for: error, command: command))
            return 1
        }
    }

    static func fail(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func message(for error: any Error, command: Command) -> String {
        let name = switch command {
        case .serve: "serve"
        case .userAdd: "user add"
        case .seed: "seed"
        case .export: "export"
        case .backup: "backup"
        case .purgeContacts: "purge-contacts"
        case .migrate: "migrate"
        case .help: ""
        }
        switch error {
        case let error as CommandLineError: return error.message
        case let error as StoreError: return "officina \(name): \(error.message)"
        case let error as DomainError: return "officina \(name): \(error.message)"
        case let error as APIError: return "officina \(name): \(error.message)"
        case let error as HTTPServerError: return "officina \(name): \(error)"
        default: return "officina \(name): \(error)"
        }
    }

    /// Opens the database, or one clear line.
    static func openStore(_ path: String) throws -> Store {
        try Store.open(path)
    }

    static func serve(_ configuration: AppConfiguration) throws {
        HeapArenas.limit()
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: configuration.webRoot, isDirectory: &isFolder) || !isFolder.boolValue {
            fail("officina serve: warning: web folder \(configuration.webRoot) not found; pages will answer 404 (use --web DIR)")
        }
        let store = try openStore(configuration.databasePath)
        let application = Application(configuration: configuration, store: store)
        if let seeded = try application.loadSeedsIfEmpty() {
            Self.say("officina: loaded the programme from \(seeded)")
        }
        var server = ServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        server.headerTimeout = configuration.headerTimeout
        server.accessLog = configuration.accessLog ? .standardOutput : .disabled
        let http = HTTPServer(configuration: server, responder: application.router)
        do {
            try http.start()
        } catch let error as HTTPServerError {
            application.shutdown()
            if error.code == EADDRINUSE {
                throw CommandLineError("officina serve: port \(configuration.port) on \(configuration.host) is already in use (use --port N)")
            }
            throw CommandLineError("officina serve: cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        application.context.serverStarted(port: http.port)
        let base = configuration.publicURL ?? "http://\(Self.urlHost(configuration.host)):\(http.port)"
        Self.say("officina: listening on http://\(Self.urlHost(configuration.host)):\(http.port)")
        if let link = try application.prepareSetupLink(baseURL: base) {
            Self.say("officina: no facilitator account yet. Open this one-time link to create one:\n  \(link)")
        }
        let signal = http.runUntilSignalled()
        let stopped = exitIfStuck(after: 0.8)
        application.shutdown()
        stopped.signal()
        Self.say("officina: stopped (signal \(signal)); database checkpointed and closed")
    }

    /// After SIGTERM the server must be gone within 5 s whatever its clients do: the HTTP server's
    /// shutdown is bounded (`shutdownTimeout` + 1 s); if closing the application then hangs, the
    /// process exits anyway. Every acknowledged write is already committed (WAL, synchronous=FULL);
    /// a skipped checkpoint is done at the next start.
    /// Signal the returned semaphore once stopped.
    static func exitIfStuck(after seconds: Double) -> DispatchSemaphore {
        let stopped = DispatchSemaphore(value: 0)
        let thread = Thread {
            guard stopped.wait(timeout: .now() + seconds) == .timedOut else { return }
            fail("officina: shutdown is taking too long; exiting now (committed data is safe; the next start finishes the checkpoint)")
            _exit(1)
        }
        thread.name = "officina-stop-watchdog"
        thread.start()
        return stopped
    }

    /// Prints a line and flushes at once (stdout is a pipe under a supervisor or a test).
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func urlHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }

    static func addUser(database: String, name: String, iterations: Int) throws {
        let username = try IdentityRoutes.username.clean(name, path: "NAME")
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var password = String(decoding: input, as: UTF8.self)
        while password.hasSuffix("\n") || password.hasSuffix("\r") { password.removeLast() }
        try PasswordPolicy.validate(password)
        let hash = try PasswordHash.create(password: password, iterations: iterations).encoded
        let store = try openStore(database)
        defer { store.close() }
        let created = try store.writeBlocking { db -> Bool in
            if let account = try db.facilitators.find(username: username) {
                _ = try db.facilitators.setPasswordHash(hash, facilitatorID: account.id)
                return false
            }
            _ = try db.facilitators.create(username: username, passwordHash: hash)
            return true
        }
        print(created ? "officina: facilitator \(username) created" : "officina: password of facilitator \(username) changed")
    }
}
