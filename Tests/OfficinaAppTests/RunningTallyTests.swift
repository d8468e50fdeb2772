import Foundation
import OfficinaCore
import OfficinaStore
import Testing
@testable import OfficinaApp

/// Issue 15, "Incremental tallies": the running tallies the store keeps inside each ballot write
/// ("18-tallies") must always equal the histograms rebuilt from the raw ballot rows, and support
/// counted from them (with merges, hides and self-support applied on top) must equal support counted
/// from every ballot. Random workloads on a real store (SQLite, or PostgreSQL with `OFFICINA_TEST_DB`):
/// ballot writes and rewrites, empty ballots, ballot and participant deletion (cascades), merges and
/// their undo, hides, erasure.
@Suite struct RunningTallyTests {

    static let goals = ["space", "partnerships", "community"]

    /// One workshop, its proposals, and the participants still present.
    struct Room {
        var workshop: Workshop
        var proposals: [Int64]
        var participants: [Int64]
    }

    static func makeRoom(_ db: any SQLDatabase, programmeID: Int64, settings: WorkshopSettings, label: String) throws -> Room {
        let workshop = try db.workshops.create(
            programmeID: programmeID, theme: "design", title: LocalizedText(it: label, en: label),
            description: LocalizedText(it: "", en: ""), settings: settings, phase: .voting)
        let participants = try (0..<12).map {
            try db.participants.create(workshopID: workshop.id, name: "P\($0)", tokenHash: "\(label)-\($0)").id
        }
        let proposals = try (0..<8).map {
            try db.proposals.create(workshopID: workshop.id, authorID: participants[$0 % 4], title: "Idea \($0)", body: "", goals: ["space"]).id
        }
        return Room(workshop: workshop, proposals: proposals, participants: participants)
    }

    /// A ballot as a phone might cast it, including support beyond the cap and on the voter's own idea.
    static func randomBallot(_ participant: Int64, _ room: Room, _ generator: inout SplitMix64) -> Ballot {
        var ballot = Ballot(participantID: participant)
        for id in room.proposals where Int.random(in: 0..<3, using: &generator) == 0 {
            ballot.support[id] = Int.random(in: 1...3, using: &generator)
        }
        for id in room.proposals where Int.random(in: 0..<3, using: &generator) == 0 {
            for goal in goals where Bool.random(using: &generator) {
                ballot.ratings[id, default: [:]][goal] = Int.random(in: 0...Ballot.maxRating, using: &generator)
            }
        }
        return ballot
    }

    /// One random step against `room`.
    static func step(_ db: any SQLDatabase, _ room: inout Room, _ generator: inout SplitMix64, serial: Int) throws {
        let proposal = room.proposals.randomElement(using: &generator) ?? 0
        switch Int.random(in: 0..<20, using: &generator) {
        case 0..<10:
            guard let participant = room.participants.randomElement(using: &generator) else { return }
            try db.ballots.replace(randomBallot(participant, room, &generator), workshopID: room.workshop.id)
        case 10:
            guard let participant = room.participants.randomElement(using: &generator) else { return }
            try db.ballots.replace(Ballot(participantID: participant), workshopID: room.workshop.id)
        case 11:
            guard let participant = room.participants.randomElement(using: &generator) else { return }
            try db.execute("DELETE FROM ballots WHERE participant_id = ? AND workshop_id = ?", [participant, room.workshop.id])
        case 12:
            // A participant who wrote no proposal leaves with everything they cast (cascade).
            let authors = Set(try db.proposals.countingRows(workshopID: room.workshop.id).map(\.authorID))
            guard let participant = room.participants.filter({ !authors.contains($0) }).randomElement(using: &generator) else { return }
            try db.execute("DELETE FROM participants WHERE id = ?", [participant])
            room.participants.removeAll { $0 == participant }
            room.participants.append(try db.participants.create(
                workshopID: room.workshop.id, name: "N\(serial)", tokenHash: "\(room.workshop.id)-new-\(serial)").id)
        case 13, 14:
            guard let into = room.proposals.randomElement(using: &generator), into != proposal else { return }
            _ = try? db.proposals.merge(proposal, into: into, by: "test", cap: room.workshop.settings.perProposalCap)
        case 15, 16:
            try db.proposals.unmerge(proposalID: proposal)
        case 17:
            guard let current = try db.proposals.find(id: proposal), current.status == .visible || current.status == .hidden else { return }
            _ = try db.proposals.setStatus(id: proposal, current.status == .hidden ? .visible : .hidden)
        default:
            guard let participant = room.participants.randomElement(using: &generator) else { return }
            try db.participants.erase(id: participant, replacementTokenHash: "erased-\(serial)")
        }
    }

    /// The running tallies against the raw rows, and counted support against counting every ballot.
    static func check(_ db: any SQLDatabase, _ room: Room, step: Int) throws {
        let rows = try db.ballots.rowBallots(workshopID: room.workshop.id)
        // On SQLite `all` reads each ballot's packed content ("22-ballot-content"): it must be the rows'.
        #expect(try db.ballots.all(workshopID: room.workshop.id) == rows, "packed contents differ from the rows after step \(step)")
        let rebuilt = BallotSums(rows)
        let kept = try db.ballots.sums(workshopID: room.workshop.id)
        #expect(kept == rebuilt, "running tallies differ from the ballots after step \(step)")
        #expect(try db.ballots.raterCounts(workshopID: room.workshop.id) == RaterCount.counting(try db.ballots.all(workshopID: room.workshop.id)),
                "rater tallies differ from the ballots after step \(step)")
        let ratingRows = try db.queryOne(
            "SELECT count(*) FROM ballot_ratings r JOIN ballots b ON b.id = r.ballot_id WHERE b.workshop_id = ?", [room.workshop.id]) { $0.int(0) }
        #expect(try db.workshops.counts(workshopID: room.workshop.id).ratings == ratingRows, "rating count differs after step \(step)")
        var asCast: [Int64: SupportTally] = [:]
        for (id, histogram) in rebuilt.support {
            asCast[id] = SupportTally(
                support: histogram.reduce(0) { $0 + $1.key * $1.value }, supporters: histogram.values.reduce(0, +))
        }
        #expect(try db.ballots.tallies(workshopID: room.workshop.id) == asCast, "support as cast differs after step \(step)")
        let counted = try db.countedTallies(room.workshop)
        let everyBallot = try db.ballotCounting(room.workshop).tallies(try db.ballots.castSupport(workshopID: room.workshop.id))
            .mapValues { SupportTally(support: $0.support, supporters: $0.supporters) }
        #expect(counted == everyBallot, "counted support from the tallies differs after step \(step)")
        try checkRankings(db, room, step: step)
    }

    /// The ranking computed from the counted tallies equals the one computed from every counted
    /// ballot, for each method that reads tallies alone.
    static func checkRankings(_ db: any SQLDatabase, _ room: Room, step: Int) throws {
        let workshop = room.workshop
        let counting = try db.ballotCounting(workshop)
        let candidates = try db.proposals.list(workshopID: workshop.id, includeHidden: true).map {
            RankingCandidate(proposal: $0.proposal, buildOns: 0, showAuthor: false)
        }
        let base = ScoringInput(
            workshop: "TALLY", goals: try db.workshops.goals(workshopID: workshop.id), candidates: candidates,
            ballots: [], settings: workshop.settings, participants: room.participants.count)
        var viaRows = base
        viaRows.ballots = try db.ballots.all(workshopID: workshop.id).map { counting.count($0).ballot }
        var viaSums = base
        viaSums.tallied = TalliedBallots(
            sums: try db.countedSums(workshop, counting: counting), ballots: try db.ballots.count(workshopID: workshop.id))
        for (method, ratings) in [(ScoringMethod.officina1, true), (.officina1, false), (.officina2, false)] {
            var configuration = ScoringConfiguration.default
            configuration.method = method
            var rows = viaRows, sums = viaSums
            rows.settings.ratingsEnabled = ratings
            sums.settings.ratingsEnabled = ratings
            #expect(TalliedBallots.suffice(for: sums, method: method, bridging: false))
            let expected = Ranking.compute(rows, configuration: configuration)
            #expect(Ranking.compute(sums, configuration: configuration) == expected,
                    "\(method.rawValue), ratings \(ratings): the ranking from tallies differs after step \(step)")
        }
        // officina-2 with ratings fits each rater's generosity: it must read every ballot.
        #expect(!TalliedBallots.suffice(for: viaSums, method: .officina2, bridging: false))
    }

    /// The ranking route's loader reads the tallies for `officina-1` and every ballot for `officina-2`
    /// with ratings, and the `officina-1` ranking it gives equals the one from every ballot.
    @Test func theLoaderReadsTalliesOnlyForMethodsThatNeedNothingPerVoter() throws {
        let scratch = try ScratchStore("tallies")
        defer { scratch.close() }
        let store = scratch.store

        let generator = SplitMix64(seed: 7)
        let room = try store.writeBlocking { [generator] db in
            var generator = generator
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"), description: LocalizedText(it: "", en: ""),
                goals: Self.goals.map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) })
            var room = try Self.makeRoom(db, programmeID: programme.id, settings: .default, label: "L")
            for step in 0..<60 { try Self.step(db, &room, &generator, serial: step) }
            return room
        }
        for method in [ScoringMethod.officina2, .officina1] {
            try store.writeBlocking { db in
                var preferences = try db.scoring.preferences(workshopID: room.workshop.id)
                preferences.method = method
                try db.scoring.setPreferences(preferences, workshopID: room.workshop.id)
            }
            let (loaded, everyBallot) = try store.read { db in
                let loaded = try WorkshopResults.load(room.workshop, weights: nil, audience: .facilitator, in: db)
                var everyBallot = loaded
                let counting = try db.ballotCounting(room.workshop)
                everyBallot.input.tallied = nil
                everyBallot.input.ballots = try db.ballots.all(workshopID: room.workshop.id).map { counting.count($0).ballot }
                return (loaded, everyBallot)
            }
            #expect((loaded.input.tallied != nil) == (method == .officina1))
            #expect(loaded.input.ballots.isEmpty == (method == .officina1))
            // officina-1 reads integer sums either way, so the two must agree to the last bit. (officina-2's
            // fitted offsets are sums of doubles in the order a ballot's dictionary yields its ratings,
            // which may differ in the last bit between two loads of the same ballots.)
            if method == .officina1 {
                #expect(loaded.ranking(language: "en") == everyBallot.ranking(language: "en"))
            }
        }
    }

    @Test(arguments: [(UInt64(1), false), (UInt64(2), true), (UInt64(3), false)])
    func runningTalliesEqualTheBallotsAfterRandomWorkloads(seed: UInt64, selfSupport: Bool) throws {
        let scratch = try ScratchStore("tallies")
        defer { scratch.close() }
        let store = scratch.store

        var generator = SplitMix64(seed: seed)
        var settings = WorkshopSettings.default
        settings.votingMethod = .dots
        settings.dotBudget = 6
        settings.perProposalCap = 2
        settings.allowSelfSupport = selfSupport
        var rooms = try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "Percorso", en: "Programme"), description: LocalizedText(it: "", en: ""),
                goals: Self.goals.map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) })
            // Two workshops, so one's writes must never show in the other's tallies.
            return [
                try Self.makeRoom(db, programmeID: programme.id, settings: settings, label: "A"),
                try Self.makeRoom(db, programmeID: programme.id, settings: settings, label: "B"),
            ]
        }
        for step in 0..<240 {
            let index = Int.random(in: 0..<rooms.count, using: &generator)
            (rooms[index], generator) = try store.writeBlocking { [room = rooms[index], generator] db in
                var room = room, generator = generator
                try Self.step(db, &room, &generator, serial: step)
                return (room, generator)
            }
            if step % 8 == 7 {
                try store.read { db in for room in rooms { try Self.check(db, room, step: step) } }
            }
        }
        try store.read { db in for room in rooms { try Self.check(db, room, step: 240) } }
        // The workload must have exercised what it claims to.
        let merges = try store.read { db in try rooms.map { try db.proposals.merges(workshopID: $0.workshop.id).count }.reduce(0, +) }
        #expect(merges > 0)
    }
}
