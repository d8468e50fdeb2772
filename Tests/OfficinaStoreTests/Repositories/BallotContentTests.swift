import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Issue 15, "first ranking after a cold start": each ballot's support and ratings packed on its
/// `ballots` row ("22-ballot-content"), read instead of its rows. The rows stay the record; these
/// tests hold the content to them.
@Suite struct BallotContentTests {

    static let goals = ["space", "partnerships", "community", "città", "a", "un obiettivo dal nome lungo, più di trenta byte"]

    static func randomBallot(_ participant: Int64, proposals: [Int64], goals: [String] = goals, using random: inout SplitMix64) -> Ballot {
        var ballot = Ballot(participantID: participant)
        for proposal in proposals where Int.random(in: 0..<4, using: &random) == 0 {
            ballot.support[proposal] = Int.random(in: 1...9, using: &random)
        }
        for proposal in proposals where Int.random(in: 0..<3, using: &random) == 0 {
            var values: [String: Int] = [:]
            for goal in goals where Bool.random(using: &random) { values[goal] = Int.random(in: 0...Ballot.maxRating, using: &random) }
            if !values.isEmpty { ballot.ratings[proposal] = values }
        }
        return ballot
    }

    static func decode(_ bytes: [UInt8], participant: Int64) -> Ballot? {
        var decoder = BallotContent.Decoder()
        return bytes.withUnsafeBytes { decoder.decode($0, participantID: participant) }
    }

    @Test func randomBallotsRoundTripAndEqualBallotsPackToEqualBytes() throws {
        var random = SplitMix64(seed: 15)
        // Ids past one LEB128 byte, and past 32 bits.
        let proposals: [Int64] = [1, 2, 127, 128, 300, 16_384, 4_294_967_296, Int64.max]
        var decoder = BallotContent.Decoder()
        for participant in 1...400 {
            let ballot = Self.randomBallot(Int64(participant), proposals: proposals, using: &random)
            let bytes = try #require(BallotContent.encode(ballot))
            // One decoder for all, as a reading thread uses it: what it shares between ballots must not leak.
            #expect(bytes.withUnsafeBytes { decoder.decode($0, participantID: ballot.participantID) } == ballot)
            // The same ballot built in another order packs to the same bytes.
            var reordered = Ballot(participantID: ballot.participantID)
            for (proposal, dots) in ballot.support.reversed() { reordered.support[proposal] = dots }
            for (proposal, values) in ballot.ratings.reversed() { reordered.ratings[proposal] = Dictionary(uniqueKeysWithValues: values.reversed()) }
            #expect(BallotContent.encode(reordered) == bytes)
        }
        #expect(Self.decode(try #require(BallotContent.encode(Ballot(participantID: 9))), participant: 9) == Ballot(participantID: 9))
    }

    @Test func negativeNumbersAreNotPacked() {
        #expect(BallotContent.encode(Ballot(participantID: 1, support: [5: -1])) == nil)
        #expect(BallotContent.encode(Ballot(participantID: 1, support: [-5: 1])) == nil)
        #expect(BallotContent.encode(Ballot(participantID: 1, ratings: [5: ["space": -2]])) == nil)
    }

    /// A cut, lengthened or re-versioned content never decodes; a changed byte never crashes or reads
    /// past the end (it may decode to another ballot: the database's own page checksums are not ours
    /// to repeat — a content is only as trustworthy as the row it sits on).
    @Test func damagedContentIsRefusedOrDecodedWithinItsBytes() throws {
        var random = SplitMix64(seed: 7)
        let ballot = Self.randomBallot(3, proposals: Array(1...40), using: &random)
        let bytes = try #require(BallotContent.encode(ballot))
        #expect(bytes.count > 40)
        for length in 0..<bytes.count {
            #expect(Self.decode(Array(bytes.prefix(length)), participant: 3) == nil, "cut to \(length) bytes")
        }
        #expect(Self.decode(bytes + [0], participant: 3) == nil)
        #expect(Self.decode([BallotContent.format + 1] + bytes.dropFirst(), participant: 3) == nil)
        for index in bytes.indices {
            for value: UInt8 in [0x00, 0x7f, 0x80, 0xff] {
                var damaged = bytes
                damaged[index] = value
                _ = Self.decode(damaged, participant: 3)
            }
        }
    }

    /// Every rewrite through the ballot writer leaves the content equal to the rows: random rewrites
    /// (one tap, many, unchanged, emptied) of voters who vote in random order.
    @Test func everyRewriteLeavesTheContentEqualToTheRows() throws {
        let fixture = try Fixture(participantCount: 40, proposalCount: 12)
        let w = fixture.workshop.id
        let proposals = fixture.proposals.map(\.id)
        var random = SplitMix64(seed: 22)
        var ballots: [Int64: Ballot] = [:]
        for step in 0..<30 {
            try fixture.store.writeBlocking { db in
                for _ in 0..<8 {
                    let voter = fixture.participants.randomElement(using: &random)!.id
                    var ballot = ballots[voter] ?? Ballot(participantID: voter)
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: ballot = Self.randomBallot(voter, proposals: proposals, goals: Fixture.goals.map(\.key), using: &random)
                    case 1: ballot = Ballot(participantID: voter)
                    case 2: break
                    default: ballot.support[proposals.randomElement(using: &random)!] = Int.random(in: 0...3, using: &random)
                    }
                    try db.ballots.replace(ballot, workshopID: w)
                    ballots[voter] = Ballot(participantID: voter, support: ballot.support, ratings: ballot.ratings)
                }
            }
            let (listed, rows, revisions) = try fixture.store.read { db in
                (try db.ballots.listed(workshopID: w), try db.ballots.rowBallots(workshopID: w), try db.ballots.revisions(workshopID: w))
            }
            #expect(listed.ballots == rows, "step \(step)")
            #expect(listed.ballots == ballots.values.sorted { $0.participantID < $1.participantID }, "step \(step)")
            #expect(listed.revisions == listed.ballots.map { revisions[$0.participantID] }, "step \(step)")
        }
        #expect(try fixture.store.read { db in try db.queryOne("SELECT count(*) FROM ballots WHERE content IS NULL", []) { $0.int(0) } } == 0)
    }

    /// More ballots than one decoding chunk (8,192), their rows written in descending participant
    /// order: the ballots still come back by ascending participant, each with its own revision.
    @Test func manyBallotsReadInChunksComeBackByParticipantWithTheirRevisions() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 30)
        let w = fixture.workshop.id
        let proposals = fixture.proposals.map(\.id)
        var random = SplitMix64(seed: 8_193)
        try fixture.store.writeBlocking { db in
            let voters = try (0..<9_000).map { try db.participants.create(workshopID: w, name: "V\($0)", tokenHash: "v\($0)").id }
            for voter in voters.reversed() {
                try db.ballots.replace(Self.randomBallot(voter, proposals: proposals, goals: Fixture.goals.map(\.key), using: &random), workshopID: w)
            }
        }
        let (listed, rows, revisions) = try fixture.store.read { db in
            (try db.ballots.listed(workshopID: w), try db.ballots.rowBallots(workshopID: w), try db.ballots.revisions(workshopID: w))
        }
        #expect(listed.ballots.count == 9_000)
        #expect(listed.ballots == rows)
        #expect(listed.revisions == listed.ballots.map { revisions[$0.participantID] })
    }

    /// A ballot without content (a row written by hand) or with content that does not decode is read
    /// from its rows, whole and in its place, by every reader.
    @Test func ballotsWithoutOrWithUnreadableContentAreReadFromTheirRows() throws {
        let fixture = try Fixture(participantCount: 6, proposalCount: 5)
        let w = fixture.workshop.id
        let proposals = fixture.proposals.map(\.id)
        var random = SplitMix64(seed: 3)
        try fixture.store.writeBlocking { db in
            for participant in fixture.participants {
                var ballot = Self.randomBallot(participant.id, proposals: proposals, goals: Fixture.goals.map(\.key), using: &random)
                ballot.support[proposals[0]] = 2
                try db.ballots.replace(ballot, workshopID: w)
            }
            try db.execute("UPDATE ballots SET content = NULL WHERE participant_id = ?", [fixture.participants[1].id])
            try db.execute("UPDATE ballots SET content = ? WHERE participant_id = ?", [DatabaseValue.blob([BallotContent.format, 0xff]), fixture.participants[4].id])
        }
        let (all, rows, some) = try fixture.store.read { db in
            let ids = try db.ballots.revisions(workshopID: w).values.map(\.ballotID)
            return (try db.ballots.all(workshopID: w), try db.ballots.rowBallots(workshopID: w), try db.ballots.ballots(ids: ids))
        }
        #expect(all == rows)
        #expect(all.map(\.participantID) == fixture.participants.map(\.id))
        #expect(some == Dictionary(uniqueKeysWithValues: rows.map { ($0.participantID, $0) }))
        // Packing fills the missing one from its rows; the unreadable one is left to its next rewrite.
        #expect(try fixture.store.writeBlocking { db in try db.ballots.fillMissingContent() } == 1)
        #expect(try fixture.store.read { db in try db.ballots.all(workshopID: w) } == rows)
    }

    /// "22-ballot-content" on a database written before it packs every ballot from its rows.
    @Test func theMigrationPacksEveryBallotFromItsRows() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("old.db")
        var workshopID: Int64 = 0
        var before: [Ballot] = []
        do {
            let old = try DatabaseBeforeMigration(path: path, before: Schema.ballotContent, goals: Fixture.goals, proposals: 6)
            let (db, workshop, proposals) = (old.db, old.workshopID, old.proposals)
            workshopID = workshop
            var random = SplitMix64(seed: 21)
            for voter in 0..<700 {
                let participant = try db.participants.create(workshopID: workshop, name: "V\(voter)", tokenHash: "v\(voter)")
                // The rows as the writer before the migration left them (no content column yet).
                let ballot = Self.randomBallot(participant.id, proposals: proposals, goals: Fixture.goals.map(\.key), using: &random)
                let id = try db.insertReturningID(
                    "INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id",
                    [workshop, participant.id, Date(), Date()])
                for (proposal, dots) in ballot.support {
                    try db.execute("INSERT INTO ballot_support (ballot_id, proposal_id, dots) VALUES (?, ?, ?)", [id, proposal, dots])
                }
                for (proposal, values) in ballot.ratings {
                    for (goal, value) in values {
                        try db.execute("INSERT INTO ballot_ratings (ballot_id, proposal_id, goal_key, value) VALUES (?, ?, ?, ?)",
                                       [id, proposal, goal, value])
                    }
                }
                before.append(ballot)
            }
            #expect(try db.ballots.rowBallots(workshopID: workshop) == before)
        }
        let store = try Store(path: path)
        defer { store.close() }
        let (all, nulls) = try store.read { db in
            (try db.ballots.all(workshopID: workshopID),
             try db.queryOne("SELECT count(*) FROM ballots WHERE content IS NULL", []) { $0.int(0) })
        }
        #expect(before.count == 700)
        #expect(all == before)
        #expect(nulls == 0)
    }
}
