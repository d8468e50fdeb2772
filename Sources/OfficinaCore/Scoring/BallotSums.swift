/// Histograms of cast ballots per proposal: how many ballots gave a proposal exactly so many dots, and
/// how many rated it exactly so on each goal. The store keeps them up to date as ballots change
/// (docs/architecture.md, "Running tallies"), so a tally reads one entry per proposal and value
/// instead of every ballot.
///
/// A histogram, not a plain sum, so a reader can still apply a per-proposal cap exactly
/// (`min(dots, cap)` per ballot) and get Σ units, Σ units² and supporters from it.
///
/// ```swift
/// var sums = BallotSums()
/// sums.add(Ballot(participantID: 1, support: [4: 2]))
/// sums.support[4]      // [2: 1]: one ballot gave proposal 4 two dots
/// ```
public struct BallotSums: Sendable, Hashable {
    /// Proposal id → dots given → ballots. Values are as cast (at least 1); entries are never 0.
    public var support: [Int64: [Int: Int]]
    /// Proposal id → goal key → rating → ballots. Entries are never 0.
    public var ratings: [Int64: [String: [Int: Int]]]

    public init(support: [Int64: [Int: Int]] = [:], ratings: [Int64: [String: [Int: Int]]] = [:]) {
        self.support = support
        self.ratings = ratings
    }

    /// The histograms of `ballots` as cast: what the store's running tallies must always equal.
    public init(_ ballots: [Ballot]) {
        self.init()
        for ballot in ballots { add(ballot) }
    }

    /// Counts one ballot in (support of 0 or less is not a row, so it is not counted).
    public mutating func add(_ ballot: Ballot) {
        for (id, dots) in ballot.support where dots > 0 {
            support[id, default: [:]][dots, default: 0] += 1
        }
        for (id, goals) in ballot.ratings {
            for (goal, value) in goals {
                ratings[id, default: [:]][goal, default: [:]][value, default: 0] += 1
            }
        }
    }

    /// Support per proposal with each ballot's dots capped at `cap`: units and supporters.
    /// Proposals nobody supports are absent.
    public func supportTallies(cap: Int) -> [Int64: (support: Int, supporters: Int)] {
        var tallies: [Int64: (support: Int, supporters: Int)] = [:]
        for (id, histogram) in support {
            var units = 0
            var supporters = 0
            for (dots, ballots) in histogram where dots > 0 && ballots > 0 {
                units += min(dots, cap) * ballots
                supporters += ballots
            }
            if supporters > 0 { tallies[id] = (units, supporters) }
        }
        return tallies
    }
}
