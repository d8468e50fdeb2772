import Foundation

/// `officina serve` on a database in its own directory, restartable on the same file.
final class OfficinaServer {
    let executable: String
    let directory: String
    let port: Int
    /// A SQLite file in `directory`, or the PostgreSQL URL given to the bench (`--postgres`).
    let database: String
    private(set) var process: ServerProcess?

    init(executable: String, directory: String, database: String? = nil) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError("no server binary at \(executable); build it with `swift build -c release --product officina`")
        }
        self.executable = executable
        self.directory = directory
        self.database = database ?? directory + "/officina.db"
        self.port = try RawSocket.freePort()
    }

    /// The repository's `web/` beside `.build/`, else an empty folder.
    var webRoot: String {
        let binary = URL(fileURLWithPath: executable).standardizedFileURL
        let repository = binary.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let web = repository.appendingPathComponent("web").path
        if FileManager.default.fileExists(atPath: web) { return web }
        let empty = directory + "/web"
        try? FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        return empty
    }

    /// Starts the server and waits for `/healthz`; returns seconds from launch to that answer.
    @discardableResult
    func start(quiet: Bool = true) throws -> Double {
        let launched = ContinuousClock.now
        var arguments = ["serve", "--host", "127.0.0.1", "--port", String(port), "--db", database, "--web", webRoot]
        if quiet { arguments.append("--quiet") }
        let process = try ServerProcess(name: "officina", executable: executable, arguments: arguments, port: port,
                                        logFile: directory + "/server.log")
        self.process = process
        return try process.waitUntilAnswering(since: launched)
    }

    func stop() {
        process?.stop()
        process = nil
    }

    var residentMiB: Double { process?.residentMiB ?? 0 }

    /// A server with a facilitator account and a generated workshop; participants have joined.
    static func withWorkshop(_ options: SystemOptions, label: String, proposals: Int, participants: Int) throws
        -> (OfficinaServer, WorkshopFixture) {
        let server = try OfficinaServer(executable: options.officina, directory: try options.directory(label), database: options.postgres)
        try WorkshopFixture.addFacilitator(officina: options.officina, database: server.database)
        try server.start()
        let started = ContinuousClock.now
        let fixture = try WorkshopFixture.create(port: server.port, proposals: proposals, participants: participants)
        Bench.say("  setup: \(proposals) proposals, \(participants) participants joined in \(Bench.format(Bench.seconds(ContinuousClock.now - started), 1)) s")
        return (server, fixture)
    }
}
