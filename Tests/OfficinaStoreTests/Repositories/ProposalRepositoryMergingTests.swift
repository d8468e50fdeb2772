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

    @Test func mergingMovesSupportCountingEachParticipantOnceWithinTheCap() throws {
        let (fixture, from, into) = try votedFixture()
        let record = try fixture.store.writeBlocking { db in try db.proposals.merge(from, into: into, by: "anna", cap: 3) }
        #expect(record.from == from && record.into == into && record.by == "anna" && record.undoneAt == nil)
        #expect(record.movedBallots == 2)
        let tallies = try fixture.store.read { db in try db.ballots.tallies(workshopID: fixture.workshop.id) }
        #expect(tallies[into] == SupportTally(support: 2 + 3 + 1, supporters: 3))
        #expect(tallies[from] == nil)
        let merged = try fixture.store.read { db in try db.proposals.find(id: from) }
        #expect(merged?.status == .merged(into: into))
        #expect(try fixture.store.read { db in try db.proposals.merges(workshopID: fixture.workshop.id) } == [record])
        // Ratings stay with the duplicate.
        let ballot = try fixture.store.read { db in try db.ballots.get(participantID: fixture.participants[0].id, workshopID: fixture.workshop.id) }
        #expect(ballot?.ratings[from] == ["space": 4])
    }

    @Test func unmergingRestoresEveryBallotAndTheFormerStatus() throws {
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

    @Test func unmergingKeepsChangesAVoterMadeAfterTheMerge() throws {
        let (fixture, from, into) = try votedFixture()
        let w = fixture.workshop.id
        let voter = fixture.participants[0].id
        try fixture.store.writeBlocking { db in _ = try db.proposals.merge(from, into: into, by: "anna", cap: 3) }
        // After the merge voter 0 holds 2 dots on `into`; they add one more.
        try fixture.store.writeBlocking { db in
            var ballot = try db.ballots.get(participantID: voter, workshopID: w) ?? Ballot(participantID: voter)
            ballot.support[into] = 3
            try db.ballots.replace(ballot, workshopID: w)
        }
        try fixture.store.writeBlocking { db in _ = try db.proposals.unmerge(proposalID: from) }
        let ballot = try fixture.store.read { db in try db.ballots.get(participantID: voter, workshopID: w) }
        #expect(ballot?.support[from] == 2)
        #expect(ballot?.support[into] == 1)
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
