import Foundation
import OfficinaCore
import OfficinaStore

extension CommandRunner {
    static func seed(database: String, file: String) throws {
        guard FileManager.default.fileExists(atPath: file) else { throw CommandLineError("officina seed: \(file) not found") }
        let store = try openStore(database)
        defer { store.close() }
        do {
            let listing = try store.seed(fileURL: URL(fileURLWithPath: file))
            print("officina: loaded programme \(listing.programme.id) with \(listing.workshops.count) workshops: "
                  + listing.workshops.map(\.code.value).joined(separator: ", "))
        } catch let error as SeedError {
            throw CommandLineError("officina seed: \(file): \(error.description)")
        }
    }

    static func backup(database: String, file: String) throws {
        guard PostgresURL.isPostgres(database) || FileManager.default.fileExists(atPath: database) else {
            throw CommandLineError("officina backup: database \(database) not found (use --db FILE)")
        }
        let store = try openStore(database)
        defer { store.close() }
        try store.backup(to: file)
        print("officina: backup written to \(file)")
    }

    static func export(database: String, code: String, format: String, output: String?) throws {
        guard let joinCode = JoinCode(code) else { throw CommandLineError("officina export: \(code) is not a workshop code") }
        guard let format = ExportFormat(rawValue: format) else { throw CommandLineError("officina export: unknown format \(format)") }
        let store = try openStore(database)
        defer { store.close() }
        let loaded = try store.read { db -> (WorkshopResults, FollowUpReport)? in
            guard let workshop = try db.workshops.find(code: joinCode) else { return nil }
            var results = try WorkshopResults.load(workshop, weights: nil, audience: .facilitator, in: db)
            try results.applyClusters(filter: nil, in: db)
            return (results, try FollowUpReport.load([workshop], in: db))
        }
        guard let (results, followUp) = loaded else { throw CommandLineError("officina export: no workshop has the code \(joinCode.value)") }
        let file = ExportFile.workshop(results, format: format, language: "it").addingFollowUp(followUp, format: format, language: "it")
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(file.bytes)) else {
                throw CommandLineError("officina export: cannot write \(output)")
            }
            print("officina: wrote \(output)")
        } else {
            FileHandle.standardOutput.write(Data(file.bytes))
        }
    }
}
