import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct ProposalRepositoryMergingTests {
    /// Three voters: one supports only the duplicate, one both (hitting the cap), one only the kept one.
    private func votedFixture() throws -> (Fixture, from: Int64, into: Int64) {
        let fixture = try Fixture(participantCount: 3, proposalCount: 3)
        let from = fixture.proposals[0].id, into = fixture.proposals[1].id, other = fixture.proposals[2].id
        let voters = fixture.participants.map(\.id)
        try fixture.store.writeBlocking { db in
            let w = fixture.workshop.id
            try db.ballots.replace(Ballot(participantID: voters[0], support: [from: 2, other: 1], ratings: [from: ["space": 4]]), workshopID: w)
            try db.ballots.replace(Ballot(participantID: voters[1], support: [from: 2, into: 2]), workshopID: w)
            try db.ballots.replace(Ballot(participantID: voters[2], support: [into: 1]), workshopID: w)
        }
        return (fixture, from, into)
    }

    @Test func mergingRecordsTheAuditTrailAndLeavesEveryCastBallotAsItWas() throws {
        let (fixture, from, into) = try votedFixture()
        let w = fixture.workshop.id
        let before = try fixture.store.read { db in try db.ballots.all(workshopID: w) }
        let record = try fixture.store.writeBlocking { db in try db.proposals.merge(from, into: into, by: "anna", cap: 3) }
        #expect(record.from == from && record.into == into && record.by == "anna" && record.undoneAt == nil)
        #expect(record.movedBallots == 2)
        #expect(try fixture.store.read { db in try db.ballots.all(workshopID: w) } == before)
        let merged = try fixture.store.read { db in try db.proposals.find(id: from) }
        #expect(merged?.status == .merged(into: into))
        #expect(try fixture.store.read { db in try db.proposals.merges(workshopID: w) } == [record])
        // What the ballots count for now is BallotCounting's rule over these rows.
        let rows = try fixture.store.read { db in try db.proposals.countingRows(workshopID: w) }
        let counting = BallotCounting(proposals: rows, settings: WorkshopSettings(allowSelfSupport: true))
        let tallies = counting.tallies(try fixture.store.read { db in try db.ballots.castSupport(workshopID: w) })
        #expect(tallies[into]?.support == 2 + 3 + 1 && tallies[into]?.supporters == 3)
        #expect(tallies[from] == nil)
    }

    @Test func unmergingRestoresTheFormerStatusAndTheCastBallots() throws {
        let (fixture, from, into) = try votedFixture()
        let w = fixture.workshop.id
        try fixture.store.writeBlocking { db in _ = try db.proposals.setStatus(id: from, .hidden) }
        let before = try fixture.store.read { db in try db.ballots.all(workshopID: w) }
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        try fixture.store.writeBlocking { db in _ = try db.proposals.merge(from, into: into, by: "anna", cap: 3) }
        let undone = try fixture.store.writeBlocking { db in try db.proposals.unmerge(proposalID: from, at: at) }
        #expect(undone?.undoneAt == at)
        #expect(try fixture.store.read { db in try db.ballots.all(workshopID: w) } == before)
        #expect(try fixture.store.read { db in try db.proposals.find(id: from)?.status } == .hidden)
        #expect(try fixture.store.writeBlocking { db in try db.proposals.unmerge(proposalID: from) } == nil)
    }

    @Test func anOldDatabaseWhoseMergesRewroteBallotsGetsTheCastBallotsBack() throws {
        let (fixture, from, into) = try votedFixture()
        let w = fixture.workshop.id
        let voters = fixture.participants.map(\.id)
        let before = try fixture.store.read { db in try db.ballots.all(workshopID: w) }
        // What the merge of schema 3 did: moved support to `into` within the cap of 3, recorded the move.
        try fixture.store.writeBlocking { db in
            _ = try db.proposals.merge(from, into: into, by: "anna", cap: 3)
            try db.execute("""
                INSERT INTO ballot_support (ballot_id, proposal_id, dots)
                SELECT ballot_id, ?2, into_after FROM merge_moves WHERE merge_id = ?1 AND true
                ON CONFLICT (ballot_id, proposal_id) DO UPDATE SET dots = excluded.dots
                """, [1, into])
            try db.execute("DELETE FROM ballot_support WHERE proposal_id = ?", [from])
            // Voter 1 changed their ballot after that merge: what they cast then stays.
            try db.ballots.replace(Ballot(participantID: voters[1], support: [into: 1]), workshopID: w)
            try Schema.mergeCounting.apply(db)
        }
        let after = try fixture.store.read { db in try db.ballots.all(workshopID: w) }
        #expect(after[0] == before[0])
        #expect(after[1].support == [into: 1])
        #expect(after[2] == before[2])
    }

    @Test func mergingIntoItselfAcrossWorkshopsOrTwiceIsRefused() throws {
        let (fixture, from, into) = try votedFixture()
        #expect(throws: StoreError.self) { try fixture.store.writeBlocking { db in try db.proposals.merge(from, into: from, by: "a", cap: 3) } }
        #expect(throws: StoreError.self) { try fixture.store.writeBlocking { db in try db.proposals.merge(from, into: 999, by: "a", cap: 3) } }
        try fixture.store.writeBlocking { db in _ = try db.proposals.merge(from, into: into, by: "a", cap: 3) }
        #expect(throws: StoreError.self) { try fixture.store.writeBlocking { db in try db.proposals.merge(from, into: into, by: "a", cap: 3) } }
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.proposals.merge(fixture.proposals[2].id, into: from, by: "a", cap: 3) }
        }
    }
}
