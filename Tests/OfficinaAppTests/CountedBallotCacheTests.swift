import Foundation
import OfficinaCore
import OfficinaStore
import Testing
@testable import OfficinaApp

/// Issue 15, "first ranking after a write": the in-memory ballot cache (`CountedBallotCache`) re-reads
/// only ballots whose revision changed ("19-ballot-revisions"). After random workloads — rewrites,
/// empty ballots, ballot and participant deletion (cascades), merges and their undo, hides, erasure —
/// the ballots it hands the scorer must equal every ballot read and counted afresh, and so must the
/// `officina-2` ranking made from them. Real store: SQLite, or PostgreSQL with `OFFICINA_TEST_DB`.
@Suite struct CountedBallotCacheTests {
    typealias Workload = RunningTallyTests

    /// The cache's ballots and ranking against a fresh read of every ballot, in one snapshot.
    static func check(_ db: any SQLDatabase, _ room: Workload.Room, cache: CountedBallotCache, step: Int) throws {
        let counting = try db.ballotCounting(room.workshop)
        let fresh = try db.ballots.all(workshopID: room.workshop.id).map { counting.count($0).ballot }
        let cached = try cache.countedBallots(workshopID: room.workshop.id, counting: counting, in: db)
        #expect(cached == fresh, "cached ballots differ from every ballot after step \(step)")

        let viaCache = try WorkshopResults.load(room.workshop, weights: nil, audience: .facilitator, in: db, ballots: cache)
        let viaRows = try WorkshopResults.load(room.workshop, weights: nil, audience: .facilitator, in: db)
        #expect(viaCache.input == viaRows.input, "scoring input differs after step \(step)")
        // Equal inputs; the fitted offsets may still differ in the last bit with the order a ballot's
        // dictionary yields its ratings, so scores are compared to 1e-9 and the order exactly.
        let a = viaCache.ranking(language: "en"), b = viaRows.ranking(language: "en")
        #expect(a.entries.map(\.id) == b.entries.map(\.id), "ranking order differs after step \(step)")
        for (x, y) in zip(a.entries, b.entries) {
            #expect(abs(x.overall - y.overall) < 1e-9, "proposal \(x.id)'s score differs after step \(step)")
        }
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func cachedBallotsEqualEveryBallotAfterRandomWorkloads(seed: UInt64) throws {
        let scratch = try ScratchStore("ballot-cache")
        defer { scratch.close() }
        let store = scratch.store

        var generator = SplitMix64(seed: seed)
        var settings = WorkshopSettings.default
        settings.votingMethod = .dots
        settings.dotBudget = 6
        settings.perProposalCap = 2
        settings.allowSelfSupport = seed == 12
        var rooms = try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"), description: LocalizedText(it: "", en: ""),
                goals: Workload.goals.map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) })
            let rooms = [
                try Workload.makeRoom(db, programmeID: programme.id, settings: settings, label: "A"),
                try Workload.makeRoom(db, programmeID: programme.id, settings: settings, label: "B"),
            ]
            for room in rooms {
                var preferences = try db.scoring.preferences(workshopID: room.workshop.id)
                preferences.method = .officina2
                try db.scoring.setPreferences(preferences, workshopID: room.workshop.id)
            }
            return rooms
        }
        // Capacity 1: the two workshops also evict each other, so both paths (fill and update) run.
        let caches = [CountedBallotCache(), CountedBallotCache(capacity: 1)]
        for step in 0..<240 {
            let index = Int.random(in: 0..<rooms.count, using: &generator)
            (rooms[index], generator) = try store.writeBlocking { [room = rooms[index], generator] db in
                var room = room, generator = generator
                try Workload.step(db, &room, &generator, serial: step)
                return (room, generator)
            }
            // Sometimes several writes between two reads, sometimes one.
            if Int.random(in: 0..<3, using: &generator) == 0 {
                try store.read { db in
                    for room in rooms { for cache in caches { try Self.check(db, room, cache: cache, step: step) } }
                }
            }
        }
        try store.read { db in for room in rooms { for cache in caches { try Self.check(db, room, cache: cache, step: 240) } } }
        let merges = try store.read { db in try rooms.map { try db.proposals.merges(workshopID: $0.workshop.id).count }.reduce(0, +) }
        #expect(merges > 0)
    }

    /// Nothing tells the cache about a write: a ballot rewritten, added or deleted through another
    /// store on the same database (another instance, on PostgreSQL) shows at the next read.
    @Test func writesThroughAnotherStoreOnTheSameDatabaseAreSeen() throws {
        let scratch = try ScratchStore("ballot-cache")
        defer { scratch.close() }
        let store = scratch.store
        let other = try Store.open(scratch.database.location)
        defer { other.close() }

        var generator = SplitMix64(seed: 9)
        let room = try store.writeBlocking { [generator] db in
            var generator = generator
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"), description: LocalizedText(it: "", en: ""),
                goals: Workload.goals.map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) })
            let room = try Workload.makeRoom(db, programmeID: programme.id, settings: .default, label: "X")
            for participant in room.participants.prefix(6) {
                try db.ballots.replace(Workload.randomBallot(participant, room, &generator), workshopID: room.workshop.id)
            }
            return room
        }
        let cache = CountedBallotCache()
        try store.read { db in try Self.check(db, room, cache: cache, step: 0) }
        for step in 1...6 {
            generator = try other.writeBlocking { [generator] db in
                var generator = generator
                // A rewrite, a new ballot and a deletion, all through the other store.
                try db.ballots.replace(Workload.randomBallot(room.participants[step - 1], room, &generator), workshopID: room.workshop.id)
                try db.ballots.replace(Workload.randomBallot(room.participants[step + 5], room, &generator), workshopID: room.workshop.id)
                try db.execute("DELETE FROM ballots WHERE participant_id = ? AND workshop_id = ?", [room.participants[(step + 2) % 12], room.workshop.id])
                return generator
            }
            try store.read { db in try Self.check(db, room, cache: cache, step: step) }
        }
    }

    /// A workshop with more ballots than the cache keeps is read whole every time, and still right.
    @Test func aWorkshopAboveTheLimitIsReadWholeAndStillRight() throws {
        let scratch = try ScratchStore("ballot-cache")
        defer { scratch.close() }
        let store = scratch.store

        var generator = SplitMix64(seed: 5)
        var room = try store.writeBlocking { [generator] db in
            var generator = generator
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"), description: LocalizedText(it: "", en: ""),
                goals: Workload.goals.map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) })
            let room = try Workload.makeRoom(db, programmeID: programme.id, settings: .default, label: "L")
            for participant in room.participants {
                try db.ballots.replace(Workload.randomBallot(participant, room, &generator), workshopID: room.workshop.id)
            }
            return room
        }
        try Self.follow(0..<20, store, &room, &generator, cache: CountedBallotCache(maximumBallots: 3))
    }

    /// Random workload steps, each written alone and followed by a check of `cache`.
    static func follow(
        _ steps: Range<Int>, _ store: Store, _ room: inout Workload.Room, _ generator: inout SplitMix64,
        cache: CountedBallotCache
    ) throws {
        for step in steps {
            (room, generator) = try store.writeBlocking { [room, generator] db in
                var room = room, generator = generator
                try Workload.step(db, &room, &generator, serial: step)
                return (room, generator)
            }
            try store.read { db in try check(db, room, cache: cache, step: step) }
        }
    }
}
