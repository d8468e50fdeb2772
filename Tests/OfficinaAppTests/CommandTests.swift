import Foundation
import Testing
@testable import OfficinaApp

@Suite struct CommandTests {
    @Test func serveTakesEveryFlagWithItsDefault() throws {
        guard case let .serve(defaults) = try Command.parse(["serve"]) else { Issue.record("not serve"); return }
        #expect(defaults.host == "127.0.0.1" && defaults.port == 8080 && defaults.databasePath == "./officina.db" && defaults.webRoot == "./web")
        #expect(defaults.pbkdf2Iterations == 600_000 && !defaults.secureCookies)
        let command = try Command.parse([
            "serve", "--host", "0.0.0.0", "--port=9000", "--db", "/tmp/x.db", "--web", "/srv/web", "--secure-cookies",
            "--pbkdf2-iterations", "1000", "--public-url", "https://officina.example.org/", "--header-timeout", "2.5",
        ])
        guard case let .serve(configuration) = command else { Issue.record("not serve"); return }
        #expect(configuration.host == "0.0.0.0" && configuration.port == 9000 && configuration.databasePath == "/tmp/x.db")
        #expect(configuration.secureCookies && configuration.pbkdf2Iterations == 1000)
        #expect(configuration.publicURL == "https://officina.example.org")
        #expect(configuration.headerTimeout == 2.5 && defaults.headerTimeout == 10)
        #expect(configuration.resolvedSeedsPath == "/srv/seeds")
    }

    @Test(arguments: [
        ["serve", "--bogus"], ["serve", "--port", "99999"], ["serve", "--port", "http"], ["serve", "--port"],
        ["serve", "--public-url", "ftp://x"], ["serve", "--header-timeout", "0"], ["serve", "--header-timeout", "nan"], ["user", "add", "giulia"], ["user", "remove", "x", "--password-stdin"],
        ["export", "ACD347", "--format", "pdf"], ["backup"], ["frobnicate"], ["seed", "a.json", "b.json"],
    ])
    func aBadCommandLineIsOneClearError(_ arguments: [String]) {
        #expect(throws: CommandLineError.self) { try Command.parse(arguments) }
        do {
            _ = try Command.parse(arguments)
        } catch {
            #expect(!"\(error)".contains("\n"))
            #expect("\(error)".hasPrefix("officina"))
        }
    }

    @Test func everySubcommandTakesHelpAndDB() throws {
        for name in ["serve", "seed", "export", "backup"] {
            guard case .help = try Command.parse([name, "--help"]) else { Issue.record("\(name) --help"); continue }
        }
        guard case .help = try Command.parse(["user", "--help"]) else { Issue.record("user --help"); return }
        guard case let .backup(database, file) = try Command.parse(["backup", "copy.db", "--db", "live.db"]) else { return }
        #expect(database == "live.db" && file == "copy.db")
        guard case let .export(_, code, format, output) = try Command.parse(["export", "ACD347", "--format", "csv-excel", "--out", "r.csv"]) else { return }
        #expect(code == "ACD347" && format == "csv-excel" && output == "r.csv")
        guard case let .userAdd(_, name, _) = try Command.parse(["user", "add", "giulia", "--password-stdin", "--db", "x.db"]) else { return }
        #expect(name == "giulia")
    }

    @Test func withoutWebFlagTheWorkingDirectoryWebFolderWins() {
        let folders: Set = ["./web", "/opt/officina/web"]
        #expect(AppConfiguration.defaultWebRoot(executable: "/opt/officina/officina", isFolder: folders.contains) == "./web")
    }

    @Test func withoutWebFlagAnUnpackedReleaseFindsWebBesideTheBinary() {
        let folders: Set = ["/opt/officina/web"]
        let web = AppConfiguration.defaultWebRoot(executable: "/opt/officina/officina", isFolder: folders.contains)
        #expect(web == "/opt/officina/web")
        var configuration = AppConfiguration()
        configuration.webRoot = web
        #expect(configuration.resolvedSeedsPath == "/opt/officina/seeds")
    }

    @Test func withoutWebFlagAndNoFolderAnywhereTheDefaultStaysRelative() {
        #expect(AppConfiguration.defaultWebRoot(executable: "/opt/officina/officina", isFolder: { _ in false }) == "./web")
        #expect(AppConfiguration.defaultWebRoot(executable: nil, isFolder: { _ in false }) == "./web")
    }

    @Test func theRunningExecutableIsFound() throws {
        let path = try #require(AppConfiguration.runningExecutablePath())
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }
}
