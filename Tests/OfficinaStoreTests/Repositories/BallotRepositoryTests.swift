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

    /// A rewrite that changes nothing writes nothing: the ballot keeps its revision (a reader keeping
    /// ballots in memory has nothing to reread); one that changes a row gets a new revision.
    @Test func anUnchangedRewriteKeepsTheRevisionAndAChangedOneGetsANewOne() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 2)
        let w = fixture.workshop.id
        let voter = fixture.participants[0].id
        let p = fixture.proposals.map(\.id)
        let ballot = Ballot(participantID: voter, support: [p[0]: 2], ratings: [p[1]: ["space": 3]])
        let revision = { try fixture.store.read { db in try db.ballots.revisions(workshopID: w)[voter] } }
        try fixture.store.writeBlocking { db in try db.ballots.replace(ballot, workshopID: w) }
        let first = try #require(try revision())
        try fixture.store.writeBlocking { db in try db.ballots.replace(ballot, workshopID: w) }
        #expect(try revision() == first)
        let changed = Ballot(participantID: voter, support: [p[0]: 2], ratings: [p[1]: ["space": 4]])
        try fixture.store.writeBlocking { db in try db.ballots.replace(changed, workshopID: w) }
        let second = try #require(try revision())
        #expect(second.ballotID == first.ballotID && second.revision != first.revision)
        #expect(try fixture.store.read { db in try db.ballots.get(participantID: voter, workshopID: w) } == changed)
        // An empty ballot is still a ballot: its row is created, and emptying one is a change.
        try fixture.store.writeBlocking { db in try db.ballots.replace(Ballot(participantID: voter), workshopID: w) }
        #expect(try revision()?.revision != second.revision)
        #expect(try fixture.store.read { db in try db.ballots.count(workshopID: w) } == 1)
    }

    /// What a ballot is checked against: the authors of the named proposals that are visible in
    /// this workshop, and nothing for hidden, unknown or another workshop's proposals.
    @Test func visibleAuthorsOfNamedProposalsLeaveOutHiddenUnknownAndForeignOnes() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 300)
        let p = fixture.proposals.map(\.id)
        let other = try fixture.store.writeBlocking { db in
            let workshop = try db.workshops.create(
                programmeID: fixture.programme.id, theme: "x", title: LocalizedText(it: "Altro", en: "Other"),
                description: LocalizedText(it: "", en: ""))
            let author = try db.participants.create(workshopID: workshop.id, name: "Altra", tokenHash: "other")
            _ = try db.proposals.setStatus(id: p[1], .hidden)
            return try db.proposals.create(workshopID: workshop.id, authorID: author.id, title: "Altrove", body: "", goals: [])
        }
        let named: Set<Int64> = Set(p.prefix(290)).union([other.id, 999_999])
        let authors = try fixture.store.read { db in try db.proposals.visibleAuthors(of: named, workshopID: fixture.workshop.id) }
        let expected = Dictionary(uniqueKeysWithValues: fixture.proposals.prefix(290).filter { $0.id != p[1] }.map { ($0.id, $0.authorID) })
        #expect(authors == expected)
        #expect(try fixture.store.read { db in try db.proposals.visibleAuthors(of: [], workshopID: fixture.workshop.id) }.isEmpty)
        let (workshop, goalKeys) = try #require(try fixture.store.read { db in try db.workshops.findWithGoalKeys(id: fixture.workshop.id) })
        #expect(workshop == fixture.workshop && goalKeys == ["space", "partnerships", "community"])
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
            #expect(try fixture.store.read { db in try db.ballots.all(workshopID: w) == db.ballots.rowBallots(workshopID: w) },
                    "step \(index): the packed content differs from the rows")
        }
    }
}
