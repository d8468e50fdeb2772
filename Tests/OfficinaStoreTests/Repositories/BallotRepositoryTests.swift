import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct BallotRepositoryTests {
    @Test func aBallotRoundTripsAndIsReplacedWhole() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 3)
        let w = fixture.workshop.id
        let voter = fixture.participants[0].id
        let p = fixture.proposals.map(\.id)
        let first = Ballot(participantID: voter, support: [p[0]: 2, p[1]: 1], ratings: [p[0]: ["space": 4, "community": 0]])
        try fixture.store.writeBlocking { db in try db.ballots.replace(first, workshopID: w) }
        #expect(try fixture.store.read { db in try db.ballots.get(participantID: voter, workshopID: w) } == first)
        let second = Ballot(participantID: voter, support: [p[2]: 1], ratings: [p[2]: ["partnerships": 2]])
        try fixture.store.writeBlocking { db in try db.ballots.replace(second, workshopID: w) }
        #expect(try fixture.store.read { db in try db.ballots.get(participantID: voter, workshopID: w) } == second)
        #expect(try fixture.store.read { db in try db.ballots.count(workshopID: w) } == 1)
        #expect(try fixture.store.read { db in try db.ballots.get(participantID: fixture.participants[1].id, workshopID: w) } == nil)
    }

    @Test func allBallotsAndTalliesCoverTheWholeWorkshop() throws {
        let fixture = try Fixture(participantCount: 3, proposalCount: 2)
        let w = fixture.workshop.id
        let p = fixture.proposals.map(\.id)
        let ballots = [
            Ballot(participantID: fixture.participants[0].id, support: [p[0]: 3], ratings: [p[1]: ["space": 1]]),
            Ballot(participantID: fixture.participants[1].id, support: [p[0]: 1, p[1]: 2]),
            Ballot(participantID: fixture.participants[2].id),
        ]
        try fixture.store.writeBlocking { db in
            for ballot in ballots { try db.ballots.replace(ballot, workshopID: w) }
        }
        #expect(try fixture.store.read { db in try db.ballots.all(workshopID: w) } == ballots)
        let tallies = try fixture.store.read { db in try db.ballots.tallies(workshopID: w) }
        #expect(tallies == [p[0]: SupportTally(support: 4, supporters: 2), p[1]: SupportTally(support: 2, supporters: 1)])
    }

    @Test func ratingsOutsideZeroToFourAndNegativeDotsAreRefusedLeavingTheOldBallot() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 1)
        let w = fixture.workshop.id
        let voter = fixture.participants[0].id
        let p = fixture.proposals[0].id
        let kept = Ballot(participantID: voter, support: [p: 1])
        try fixture.store.writeBlocking { db in try db.ballots.replace(kept, workshopID: w) }
        for bad in [
            Ballot(participantID: voter, ratings: [p: ["space": 5]]),
            Ballot(participantID: voter, ratings: [p: ["space": -1]]),
            Ballot(participantID: voter, support: [p: -2]),
            Ballot(participantID: voter, support: [999: 1]),
        ] {
            let error = try #require(throws: StoreError.self) { try fixture.store.writeBlocking { db in try db.ballots.replace(bad, workshopID: w) } }
            #expect(error.kind == .constraint)
        }
        #expect(try fixture.store.read { db in try db.ballots.get(participantID: voter, workshopID: w) } == kept)
    }

    /// A rewrite keeps the rows it does not change, changes, drops and adds the others, and the
    /// running tallies follow: rewrites as a phone sends them, one tap at a time, then one that keeps nothing.
    @Test func rewritesTapByTapLeaveExactlyTheNewBallotAndItsTallies() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 4)
        let w = fixture.workshop.id
        let voter = fixture.participants[0].id
        let p = fixture.proposals.map(\.id)
        var ballot = Ballot(participantID: voter, support: [p[0]: 2, p[1]: 1], ratings: [p[0]: ["space": 4, "community": 1], p[2]: ["space": 0]])
        let other = Ballot(participantID: fixture.participants[1].id, support: [p[0]: 2], ratings: [p[0]: ["space": 4]])
        var steps: [Ballot] = [ballot]
        ballot.support[p[1]] = 3; steps.append(ballot)                 // one row changed
        ballot.support[p[0]] = nil; steps.append(ballot)               // one row dropped
        ballot.support[p[3]] = 1; steps.append(ballot)                 // one row added
        ballot.ratings[p[0]]?["space"] = 0; steps.append(ballot)       // one rating changed
        ballot.ratings[p[2]] = nil; steps.append(ballot)               // a proposal's ratings dropped
        ballot.ratings[p[1]] = ["partnerships": 2]; steps.append(ballot)
        steps.append(ballot)                                           // unchanged
        steps.append(Ballot(participantID: voter, support: [p[2]: 1], ratings: [p[3]: ["space": 3]])) // keeps nothing
        steps.append(Ballot(participantID: voter))                     // emptied
        try fixture.store.writeBlocking { db in try db.ballots.replace(other, workshopID: w) }
        for (index, step) in steps.enumerated() {
            try fixture.store.writeBlocking { db in try db.ballots.replace(step, workshopID: w) }
            let (stored, kept, rebuilt) = try fixture.store.read { db in
                (try db.ballots.get(participantID: voter, workshopID: w), try db.ballots.sums(workshopID: w), BallotSums(try db.ballots.all(workshopID: w)))
            }
            #expect(stored == step, "step \(index)")
            #expect(kept == rebuilt, "step \(index): tallies differ from the rows")
        }
    }
}
