import Testing
@testable import OfficinaCore

/// A large room's ballots are tallied in shares on several threads (`RankingTally`, ``Lanes``): the
/// tally, its kept columns in ballot order included, must be the one a single pass gives, whatever
/// the split — and so must the ranking made from it.
@Suite struct ScoringTallyLanesTests {
    static func ballots(_ count: Int, proposals: Int, seed: UInt64) -> [Ballot] {
        var random = SplitMix64(seed: seed)
        let goals = ["space", "network", "community", "unknown-goal"]
        return (0..<count).map { voter in
            var support: [Int64: Int] = [:]
            var ratings: [Int64: [String: Int]] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                support[Int64.random(in: 1...Int64(proposals + 2), using: &random)] = Int.random(in: -1...4, using: &random)
            }
            for _ in 0..<Int.random(in: 0...8, using: &random) {
                let id = Int64.random(in: 1...Int64(proposals + 2), using: &random)
                ratings[id, default: [:]][goals.randomElement(using: &random)!] = Int.random(in: -1...6, using: &random)
            }
            return Ballot(participantID: Int64(voter + 1), support: support, ratings: ratings)
        }
    }

    @Test(arguments: [(UInt64(1), 1_999), (2, 2_000), (3, 4_321), (4, 7)])
    func everySplitGivesTheTallyOfOnePass(seed: UInt64, count: Int) {
        let ballots = Self.ballots(count, proposals: 30, seed: seed)
        // Proposals 31 and 32 and the fourth goal are unknown to the tally: ignored whatever the lane.
        let index = Dictionary(uniqueKeysWithValues: (1...30).map { (Int64($0), $0 - 1) })
        let goalIndex = ["space": 0, "network": 1, "community": 2]
        let single = RankingTally(ballots: ballots, index: index, goalIndex: goalIndex, cap: 3, countRatings: true,
                                  keepRatings: true, lanes: 1)
        #expect(single.ratingValue.count > count, "the room has ratings to keep")
        for lanes in [2, 3, 4, 5] {
            let split = RankingTally(ballots: ballots, index: index, goalIndex: goalIndex, cap: 3, countRatings: true,
                                     keepRatings: true, lanes: lanes)
            #expect(split == single, "\(lanes) lanes, \(count) ballots")
        }
        let byDefault = RankingTally(ballots: ballots, index: index, goalIndex: goalIndex, cap: 3, countRatings: true, keepRatings: true)
        #expect(byDefault == single)
    }
}
