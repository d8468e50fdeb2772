import Foundation
import OfficinaStore

extension Command {
    /// `officina migrate --from DB --to DB [--force]`.
    static func parseMigrate(_ arguments: ArraySlice<String>) throws -> Command {
        let flags = try FlagParser(command: "migrate", valued: ["from", "to"], switches: ["force"]).parse(arguments)
        if flags.help { return .help(migrateHelp) }
        guard let from = flags.values["from"], let to = flags.values["to"] else {
            throw CommandLineError("officina migrate: needs --from and --to (a SQLite file or a postgres:// URL each)")
        }
        guard from != to else { throw CommandLineError("officina migrate: --from and --to name the same database") }
        return .migrate(from: from, to: to, force: flags.switches.contains("force"))
    }

    static let migrateHelp = """
        usage: officina migrate --from DB --to DB [--force]

        Copies every row of one Officina database into another: a SQLite file to PostgreSQL
        (postgres://user:password@host:5432/db) or back. The copy is one transaction on the target;
        each table's row count and checksum are then compared on both sides. A target that already
        holds data is refused unless --force, which replaces it. Stop the servers first.
        """
}

extension CommandRunner {
    static func migrate(from: String, to: String, force: Bool) throws {
        guard PostgresURL.isPostgres(from) || FileManager.default.fileExists(atPath: from) else {
            throw CommandLineError("officina migrate: database \(from) not found")
        }
        let source = try openStore(from)
        defer { source.close() }
        let target = try openStore(to)
        defer { target.close() }
        let reports = try StoreCopy.copy(from: source, to: target, force: force)
        for report in reports where report.rows > 0 {
            print("officina: \(report.table): \(report.rows) rows, checksum \(String(report.checksum, radix: 16)) verified")
        }
        print("officina: copied \(reports.reduce(0) { $0 + $1.rows }) rows from \(PostgresURL.redacted(from)) to \(PostgresURL.redacted(to))")
    }
}
