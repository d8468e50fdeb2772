@testable import OfficinaCore

extension Ranking {
    /// The rank of a proposal, nil when it is not ranked.
    func rank(of id: Int64) -> Int? {
        entry(id: id)?.rank
    }

    /// The parts the overall is made of, for one entry: each goal score whose weight counts, then the
    /// support lower bound if support counts.
    func countedParts(of entry: RankingEntry) -> [Double] {
        var parts: [Double] = []
        if method.supportWeight < 1 {
            for goal in goals where goal.weight > 0 {
                parts.append(entry.goals[goal.key]?.score ?? 0)
            }
        }
        if method.supportWeight > 0 { parts.append(entry.support.lower) }
        return parts
    }

    /// At most five entries spread over the ranking (first, last and between), for properties that
    /// recompute the ranking once per entry.
    var sampledEntries: [RankingEntry] {
        guard entries.count > 5 else { return entries }
        let step = Double(entries.count - 1) / 4
        return (0...4).map { entries[Int((Double($0) * step).rounded())] }
    }

    /// Whether `a` is at least as good as `b` on every counted part and better on one.
    func dominates(_ a: RankingEntry, _ b: RankingEntry) -> Bool {
        let left = countedParts(of: a)
        let right = countedParts(of: b)
        return zip(left, right).allSatisfy { $0 >= $1 } && zip(left, right).contains { $0 > $1 }
    }
}

extension ScoringInput {
    /// The same workshop with ballot `index` changed by `change`.
    func changingBallot(_ index: Int, _ change: (inout Ballot) -> Void) -> ScoringInput {
        var copy = self
        var ballot = copy.ballots[index]
        change(&ballot)
        copy.ballots[index] = Ballot(participantID: ballot.participantID, support: ballot.support, ratings: ballot.ratings)
        return copy
    }
}

/// Seeds for property tests: fixed, so a failure names the seed that reproduces it.
enum ScoringSeeds {
    static let all: [UInt64] = Array(1...120)

    /// How many seeds a property really asserted on, given its per-seed check counts: a property
    /// that skips every seed (a guard, a `continue`) must not pass by testing nothing.
    static func asserted(_ checksPerSeed: [Int]) -> Int { checksPerSeed.filter { $0 > 0 }.count }
}
