import Foundation
import OfficinaCore
import OfficinaStore
import Testing
@testable import OfficinaApp

/// Issue 15, "first ranking after a cold start": the ballot cache kept on disk (`BallotCacheFile`).
/// A restarted cache starts from the file and must still hand the scorer exactly every ballot read
/// afresh — after rewrites, new and gone voters and a changed counting rule while it was stopped —
/// and must ignore a damaged file, another database's file, and a file mostly out of date.
@Suite struct BallotCacheFileTests {
    typealias Workload = RunningTallyTests
    static let voters = 80

    /// A voting room of ``voters`` participants, each with a random ballot, scored by `officina-2`.
    static func makeRoom(_ store: Store, _ generator: inout Workload.Generator) throws -> Workload.Room {
        let (room, next) = try store.writeBlocking { [generator] db in
            var generator = generator
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"), description: LocalizedText(it: "", en: ""),
                goals: Workload.goals.map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) })
            var room = try Workload.makeRoom(db, programmeID: programme.id, settings: .default, label: "F")
            while room.participants.count < voters {
                room.participants.append(try db.participants.create(
                    workshopID: room.workshop.id, name: "V\(room.participants.count)", tokenHash: "f-\(room.participants.count)").id)
            }
            for participant in room.participants {
                try db.ballots.replace(Workload.randomBallot(participant, room, &generator), workshopID: room.workshop.id)
            }
            var preferences = try db.scoring.preferences(workshopID: room.workshop.id)
            preferences.method = .officina2
            try db.scoring.setPreferences(preferences, workshopID: room.workshop.id)
            return (room, generator)
        }
        generator = next
        return room
    }

    /// A cache that filled itself from the database and wrote its file.
    static func writeFile(_ store: Store, _ room: Workload.Room, to file: String) throws {
        let cache = CountedBallotCache(file: file, persistMinimum: 1)
        try store.read { db in try CountedBallotCacheTests.check(db, room, cache: cache, step: 0) }
        #expect(cache.ballotsLoadedFromFile == 0)
        cache.persist()
        #expect(FileManager.default.fileExists(atPath: file))
    }

    /// Rewrites the ballots of `participants` with random ones.
    static func rewrite(_ participants: ArraySlice<Int64>, _ store: Store, _ room: Workload.Room, _ generator: inout Workload.Generator) throws {
        generator = try store.writeBlocking { [generator] db in
            var generator = generator
            for participant in participants {
                try db.ballots.replace(Workload.randomBallot(participant, room, &generator), workshopID: room.workshop.id)
            }
            return generator
        }
    }

    @Test(arguments: [UInt64(21), 22])
    func aRestartStartsFromTheFileAndStillMatchesEveryBallot(seed: UInt64) throws {
        try Self.withRoom(seed: seed) { store, written, file, generator in
            var room = written

            // While no cache runs: rewrites, an emptied ballot, a deleted ballot, a voter gone with
            // everything they cast, a new voter, and a hidden proposal (another counting rule).
            try Self.rewrite(room.participants[10..<14], store, room, &generator)
            room = try store.writeBlocking { [room, generator] db in
                var room = room, generator = generator
                try db.ballots.replace(Ballot(participantID: room.participants[20]), workshopID: room.workshop.id)
                try db.execute("DELETE FROM ballots WHERE participant_id = ? AND workshop_id = ?", [room.participants[21], room.workshop.id])
                try db.execute("DELETE FROM participants WHERE id = ?", [room.participants[22]])
                room.participants.remove(at: 22)
                let newcomer = try db.participants.create(workshopID: room.workshop.id, name: "New", tokenHash: "f-new").id
                room.participants.append(newcomer)
                try db.ballots.replace(Workload.randomBallot(newcomer, room, &generator), workshopID: room.workshop.id)
                _ = try db.proposals.setStatus(id: room.proposals[1], .hidden)
                return room
            }

            let restarted = CountedBallotCache(file: file, persistMinimum: 1)
            try store.read { db in try CountedBallotCacheTests.check(db, room, cache: restarted, step: 1) }
            // Every ballot the file held unchanged came from it (80 less the 4 rewritten, the emptied,
            // the deleted and the gone one); the rest from the database.
            #expect(restarted.ballotsLoadedFromFile == Self.voters - 7)

            // And from there on it follows random workloads like a cache filled from the database.
            try CountedBallotCacheTests.follow(2..<40, store, &room, &generator, cache: restarted)
        }
    }

    /// A scratch store with a room (``makeRoom(_:_:)``) and the path of its cache file, written
    /// first from a cache filled from the database unless `written` is false.
    static func withRoom(
        seed: UInt64, written: Bool = true, _ body: (Store, Workload.Room, String, inout Workload.Generator) throws -> Void
    ) throws {
        let scratch = try ScratchStore("ballot-file")
        defer { scratch.close() }
        let file = scratch.folder.appendingPathComponent("officina.db-ballots").path
        var generator = Workload.Generator(state: seed)
        let room = try makeRoom(scratch.store, &generator)
        if written { try writeFile(scratch.store, room, to: file) }
        try body(scratch.store, room, file, &generator)
    }

    /// How many ballots a fresh cache on `file` took from it, after checking what it hands out
    /// against every ballot read afresh.
    static func loadedAfterRestart(_ store: Store, _ room: Workload.Room, file: String, step: Int = 0) throws -> Int {
        let cache = CountedBallotCache(file: file, persistMinimum: 1)
        try store.read { db in try CountedBallotCacheTests.check(db, room, cache: cache, step: step) }
        return cache.ballotsLoadedFromFile
    }

    @Test func aDamagedOrCutFileIsIgnored() throws {
        try Self.withRoom(seed: 31) { store, room, file, _ in
            let written = try #require(FileManager.default.contents(atPath: file))
            // One bit of the first ballot's revision: it still decodes, and only the checksum can tell.
            var damaged = [UInt8](written)
            damaged[try Self.firstRevisionOffset(in: damaged)] ^= 0x01
            let variants = [damaged, Array(written.prefix(written.count - 9)), Array(written.prefix(60)), []]
            for (index, bytes) in variants.enumerated() {
                try Data(bytes).write(to: URL(fileURLWithPath: file))
                #expect(try Self.loadedAfterRestart(store, room, file: file, step: index) == 0, "variant \(index) was used")
            }
            // The file as written is used (so the variants above were refused for their damage).
            try written.write(to: URL(fileURLWithPath: file))
            #expect(try Self.loadedAfterRestart(store, room, file: file) == Self.voters)
        }
    }

    /// Where the first ballot's revision lies in a file of one section (the layout in `BallotCacheFile`).
    static func firstRevisionOffset(in file: [UInt8]) throws -> Int {
        func integer(_ at: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(file[at + $1]) << (8 * $1) }
        }
        let section = integer(8 + 4 + 32 + 4 + 8, 8)
        var at = section
        let goals = integer(at, 2)
        at += 2
        for _ in 0..<goals { at += 2 + integer(at, 2) }
        at += 4 + 4  // ballots, blocks
        let firstBlock = integer(at, 8)
        try #require(section + firstBlock + 24 <= file.count)
        return section + firstBlock + 8 + 8
    }

    @Test func anotherDatabasesFileIsIgnored() throws {
        try Self.withRoom(seed: 41) { store, room, file, _ in
            // The same rows under another database's secret: the file's identity no longer matches.
            try store.writeBlocking { db in
                try db.execute("UPDATE server_secrets SET value = ? WHERE name = 'exposure'", [(0..<32).map { _ in UInt8.random(in: 0...255) }])
            }
            #expect(try Self.loadedAfterRestart(store, room, file: file) == 0)
        }
    }

    @Test func aMostlyRewrittenWorkshopIsReadWhole() throws {
        try Self.withRoom(seed: 51) { store, room, file, generator in
            try Self.rewrite(room.participants.prefix(Self.voters / 4 + 1), store, room, &generator)
            #expect(try Self.loadedAfterRestart(store, room, file: file) == 0)
        }
    }

    @Test func workshopsBelowTheMinimumAreNotWritten() throws {
        try Self.withRoom(seed: 61, written: false) { store, room, file, _ in
            let cache = CountedBallotCache(file: file, persistMinimum: Self.voters + 1)
            try store.read { db in try CountedBallotCacheTests.check(db, room, cache: cache, step: 0) }
            cache.persist()
            #expect(!FileManager.default.fileExists(atPath: file))
        }
    }
}
