import ChildProcesses
import Foundation
import Testing
import OfficinaStore
@testable import OfficinaApp

/// The commands as they run: in-process for the data commands, and the real executable for exit
/// statuses and the one-line errors. A graceful stop of the real `officina serve` (SIGTERM: in-flight
/// requests finished, streams ended, WAL checkpointed) is `Tests/fault/sigterm_drain.py`.
/// A missing executable fails the test (build it with `swift build`), never skips it.
@Suite(.timeLimit(.minutes(10))) struct CommandRunnerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let executable = repository.appendingPathComponent(".build/debug/officina").path

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("officina-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func seedLoadsAProgrammeAndRefusesAMalformedOneNamingTheField() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("o.db").path
        try CommandRunner.seed(database: database, file: Self.repository.appendingPathComponent("seeds/programme.json").path)
        var broken = try String(contentsOf: Self.repository.appendingPathComponent("seeds/programme.json"), encoding: .utf8)
        broken = broken.replacingOccurrences(of: "\"title\"", with: "\"titel\"")
        let bad = folder.appendingPathComponent("bad.json")
        try broken.write(to: bad, atomically: true, encoding: .utf8)
        #expect(throws: CommandLineError.self) { try CommandRunner.seed(database: database, file: bad.path) }
        // The error names the offending field and what is wrong with it.
        do { try CommandRunner.seed(database: database, file: bad.path) } catch { #expect("\(error)".contains("titel: unknown field"), "\(error)") }
        let store = try Store(path: database)
        defer { store.close() }
        #expect(try store.read { try $0.programmes.list().count } == 1)
    }

    @Test func backupAndExportWriteFiles() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server, phase: "closed")
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = server.application.context.configuration.databasePath
            let copy = folder.appendingPathComponent("copy.db").path
            if PostgresURL.isPostgres(database) {
                // PostgreSQL is backed up with pg_dump; the command says so in one line.
                let error = try #require(throws: StoreError.self) { try CommandRunner.backup(database: database, file: copy) }
                #expect(error.message.contains("pg_dump"))
            } else {
                try CommandRunner.backup(database: database, file: copy)
                let restored = try Store(path: copy)
                #expect(try restored.read { try $0.workshops.counts(workshopID: 1).proposals } == 1)
                restored.close()
            }
            let csv = folder.appendingPathComponent("r.csv").path
            try CommandRunner.export(database: database, code: f.code, format: "csv", output: csv)
            let text = try String(contentsOfFile: csv, encoding: .utf8)
            #expect(text.hasPrefix("posizione,id,proposta"))
            #expect(text.contains("Biblioteca degli attrezzi"))
            #expect(throws: CommandLineError.self) { try CommandRunner.export(database: database, code: "QQQQQQ", format: "csv", output: nil) }
        }
    }

    @Test func serveOnAPortInUseFailsWithOneClearLine() async throws {
        try await withServer { server in
            var configuration = server.application.context.configuration
            configuration.port = server.port
            configuration.databasePath = server.directory.appendingPathComponent("other.db").path
            #expect(throws: CommandLineError.self) { try CommandRunner.serve(configuration) }
            do { try CommandRunner.serve(configuration) } catch { #expect("\(error)".contains("already in use")) }
        }
    }

    /// Runs the executable; returns status, stdout, stderr.
    func run(_ arguments: [String], stdin: String? = nil) throws -> (Int32, String, String) {
        let result = try ChildProcess.run(Self.executable, arguments, input: Array((stdin ?? "").utf8))
        guard case .exited(let status) = result.termination else {
            throw ChildProcess.Failure(description: "\(Self.executable) ended with \(result.termination)")
        }
        return (status, result.outputText, result.errorText)
    }

    @Test func aBadFlagPrintsOneLineAndExitsNonZero() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "\(Self.executable) is missing: run `swift build`")
        let (status, _, errors) = try run(["serve", "--prot", "80"])
        #expect(status != 0)
        #expect(errors.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        #expect(errors.contains("--prot"))
        let (helpStatus, help, _) = try run(["serve", "--help"])
        #expect(helpStatus == 0 && help.contains("--pbkdf2-iterations"))
    }
}
