import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// `BallotRepository.all` (rows gathered per ballot by `BallotAssembly`) reads every ballot exactly
/// as reading them one by one does.
@Suite struct BallotAssemblyTests {
    /// Random ballots (some empty, some support only, some ratings only, rewritten in random order):
    /// the whole workshop read at once equals each ballot read alone, ordered by participant.
    @Test func readingEveryBallotAtOnceGivesEachBallotAsReadAlone() throws {
        let fixture = try Fixture(participantCount: 40, proposalCount: 12)
        let w = fixture.workshop.id
        let p = fixture.proposals.map(\.id)
        let goals = Fixture.goals.map(\.key)
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3 {
            for participant in fixture.participants.shuffled(using: &random).prefix(30) {
                var ballot = Ballot(participantID: participant.id)
                for id in p.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
                    ballot.support[id] = Int.random(in: 1...3, using: &random)
                }
                for id in p.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random)) {
                    var rated: [String: Int] = [:]
                    for goal in goals.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
                        rated[goal] = Int.random(in: 0...4, using: &random)
                    }
                    ballot.ratings[id] = rated
                }
                try fixture.store.writeBlocking { db in try db.ballots.replace(ballot, workshopID: w) }
            }
        }
        let (all, alone) = try fixture.store.read { db in
            let all = try db.ballots.all(workshopID: w)
            let alone = try fixture.participants.compactMap { try db.ballots.get(participantID: $0.id, workshopID: w) }
            return (all, alone)
        }
        #expect(all.count >= 30)
        #expect(all == alone.sorted { $0.participantID < $1.participantID })
    }

    /// Rows out of order, for a ballot never added, or repeating a key give what storing them one by
    /// one gives, by ascending participant: grouping only saves work.
    @Test func rowsInAnyOrderGiveTheSameBallots() {
        var assembly = BallotAssembly()
        assembly.addBallot(participantID: 2)
        assembly.addBallot(participantID: 1)
        assembly.addBallot(participantID: 2)
        assembly.addSupport(participantID: 1, proposalID: 10, dots: 1)
        assembly.addSupport(participantID: 9, proposalID: 10, dots: 1)
        assembly.addSupport(participantID: 2, proposalID: 11, dots: 2)
        assembly.addSupport(participantID: 1, proposalID: 12, dots: 3)
        assembly.addSupport(participantID: 1, proposalID: 10, dots: 2)
        assembly.addRating(participantID: 1, proposalID: 10, goal: "space", value: 4)
        assembly.addRating(participantID: 2, proposalID: 10, goal: "space", value: 1)
        assembly.addRating(participantID: 1, proposalID: 11, goal: "space", value: 0)
        assembly.addRating(participantID: 1, proposalID: 10, goal: "community", value: 3)
        assembly.addRating(participantID: 1, proposalID: 10, goal: "space", value: 2)
        assembly.addRating(participantID: 9, proposalID: 10, goal: "space", value: 2)
        #expect(assembly.finish() == [
            Ballot(participantID: 1, support: [10: 2, 12: 3], ratings: [10: ["space": 2, "community": 3], 11: ["space": 0]]),
            Ballot(participantID: 2, support: [11: 2], ratings: [10: ["space": 1]]),
        ])
    }
}
