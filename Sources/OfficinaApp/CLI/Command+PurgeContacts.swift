import Foundation
import OfficinaStore

extension Command {
    /// `officina purge-contacts --older-than DAYS [--db FILE]`.
    static func parsePurgeContacts(_ arguments: ArraySlice<String>) throws -> Command {
        let flags = try FlagParser(command: "purge-contacts", valued: ["db", "older-than"]).parse(arguments)
        if flags.help { return .help(CommandHelp.purgeContacts) }
        guard flags.positional.isEmpty else {
            throw CommandLineError("officina purge-contacts: unexpected argument \(flags.positional[0]) (see officina purge-contacts --help)")
        }
        guard let text = flags.values["older-than"] else {
            throw CommandLineError("officina purge-contacts: --older-than DAYS is required")
        }
        guard let days = Int(text), (0...36_500).contains(days) else {
            throw CommandLineError("officina purge-contacts: --older-than must be a number of days from 0 to 36500, not \(text)")
        }
        return .purgeContacts(database: flags.values["db"] ?? AppConfiguration().databasePath, days: days)
    }
}

extension CommandHelp {
    public static let purgeContacts = """
        usage: officina purge-contacts --older-than DAYS [--db FILE]

        Removes the e-mail addresses and phone numbers (and their consent records) that people left with
        offers of help more than DAYS days ago. The offers stay, without a way to reach the person.
        Safe while the server runs. See docs/privacy.md.
        """
}

extension CommandRunner {
    static func purgeContacts(database: String, days: Int) throws {
        guard PostgresURL.isPostgres(database) || FileManager.default.fileExists(atPath: database) else {
            throw CommandLineError("officina purge-contacts: database \(database) not found (use --db FILE)")
        }
        let store = try openStore(database)
        defer { store.close() }
        let cutoff = Date().addingTimeInterval(-Double(days) * 86_400)
        let removed = try store.writeBlocking { db in try db.offers.purgeContacts(consentedBefore: cutoff) }
        print("officina: removed \(removed) contact\(removed == 1 ? "" : "s") given more than \(days) days ago")
    }
}
