import Foundation
import OfficinaCore

extension SeedProgramme {
    /// Inserts the programme, its goals and its workshops (fresh join codes where none is given).
    /// Run it inside one write so that a failure leaves nothing behind.
    public func insert(into db: any SQLDatabase, at now: Date = Date()) throws -> ProgrammeListing {
        let programme = try db.programmes.create(title: title, description: description, goals: goals, at: now)
        try db.offers.setKinds(offerKinds, programmeID: programme.id)
        try db.participantGroups.setGroups(participantGroups, programmeID: programme.id)
        let created = try workshops.map { workshop in
            try db.workshops.create(
                programmeID: programme.id, theme: workshop.theme, title: workshop.title,
                description: workshop.description, settings: workshop.settings, phase: workshop.phase,
                code: workshop.code, at: now
            )
        }
        return ProgrammeListing(programme: programme, workshops: created)
    }
}

extension Store {
    /// Loads a programme file (`officina seed FILE`) in one transaction: all of it or nothing.
    /// Throws ``SeedError`` naming the offending field for a malformed file.
    @discardableResult
    public func seed(fileURL: URL) throws -> ProgrammeListing {
        let seed = try SeedProgramme(data: try Self.readSeed(fileURL))
        return try writeBlocking { db in try seed.insert(into: db) }
    }

    /// On first start: loads the programme file when the database holds no programme yet.
    /// Returns what it loaded, or `nil` when programmes already existed (the file is then not read).
    @discardableResult
    public func loadSeedIfEmpty(fileURL: URL) throws -> ProgrammeListing? {
        let isEmpty = try read { db in try db.queryOne("SELECT NOT EXISTS (SELECT 1 FROM programmes)") { $0.bool(0) } ?? false }
        guard isEmpty else { return nil }
        let seed = try SeedProgramme(data: try Self.readSeed(fileURL))
        // Checked again inside the write: two processes starting at once must not both seed.
        return try writeBlocking { db -> ProgrammeListing? in
            let stillEmpty = try db.queryOne("SELECT NOT EXISTS (SELECT 1 FROM programmes)") { $0.bool(0) } ?? false
            return stillEmpty ? try seed.insert(into: db) : nil
        }
    }

    private static func readSeed(_ fileURL: URL) throws -> Data {
        do {
            return try Data(contentsOf: fileURL)
        } catch {
            throw SeedError(path: "", problem: "cannot read \(fileURL.path): \(error.localizedDescription)")
        }
    }
}
