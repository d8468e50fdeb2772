/// The one rule for what a cast ballot counts for while facilitators merge and hide proposals.
///
/// A ballot is stored exactly as its participant cast it; merges and hides never rewrite it. Every
/// reader of support (the voter's ballot, live tallies, the ranking and its exports) counts it
/// through this type, so undoing a merge needs no bookkeeping: the cast ballot counts as cast again.
/// The rule (docs/rules.md, "Merges"):
/// - support on a merged proposal counts on the end of its chain of merges;
/// - support whose proposal is, after that, not visible (hidden, or a cycle) does not count;
/// - support that lands on the voter's own proposal does not count while self-support is off;
/// - support meeting on one proposal counts at most `cap` (1 for approval), so nobody counts twice;
/// - ratings follow the same path; the voter's own rating of the kept proposal wins per goal,
///   otherwise the highest rating they gave one of its duplicates.
///
/// Counting never adds dots, so a counted ballot stays within the budget, and counting a counted
/// ballot again changes nothing.
///
/// ```swift
/// let counting = BallotCounting(statuses: [2: .merged(into: 1)], authors: [:], settings: settings)
/// counting.count(Ballot(participantID: 7, support: [2: 2])).ballot.support   // [1: 2]
/// ```
public struct BallotCounting: Sendable {
    /// Status per proposal id; ids not listed count as visible.
    public let statuses: [Int64: ProposalStatus]
    /// The end of the chain of every merged proposal (``BallotMerging/resolve(_:)``).
    public let targets: [Int64: Int64]
    /// Author per proposal id; empty when self-support is allowed.
    public let authors: [Int64: Int64]
    /// Most support one ballot gives one proposal.
    public let cap: Int

    public init(statuses: [Int64: ProposalStatus], authors: [Int64: Int64], cap: Int) {
        self.statuses = statuses
        var merges: [Int64: Int64] = [:]
        for (id, status) in statuses {
            if case .merged(let into) = status { merges[id] = into }
        }
        targets = BallotMerging.resolve(merges)
        self.authors = authors
        self.cap = max(1, cap)
    }

    /// The rule for one workshop: its proposals (id, author, status) and its voting settings.
    public init(proposals: [(id: Int64, authorID: Int64, status: ProposalStatus)], settings: WorkshopSettings) {
        var statuses: [Int64: ProposalStatus] = [:]
        var authors: [Int64: Int64] = [:]
        for proposal in proposals {
            statuses[proposal.id] = proposal.status
            authors[proposal.id] = proposal.authorID
        }
        self.init(statuses: statuses, authors: settings.allowSelfSupport ? [:] : authors, cap: Self.cap(settings))
    }

    /// Support units one ballot can give one proposal: 1 for approval, else the per-proposal cap
    /// (never more than the budget, never less than 1).
    public static func cap(_ settings: WorkshopSettings) -> Int {
        settings.votingMethod.strategy.supportCap(settings)
    }

    /// Where support given to `id` counts, or `nil` when it does not count for `participant`, with why.
    private func destination(of id: Int64, for participant: Int64) -> (into: Int64?, reason: BallotNotice.Reason?) {
        let target = targets[id] ?? id
        let moved: Int64? = target == id ? nil : target
        if (statuses[target] ?? .visible) != .visible { return (moved, .hidden) }
        if authors[target] == participant { return (moved, .ownProposal) }
        return (moved, nil)
    }

    /// The ballot as it counts, with a notice for each difference from how it was cast.
    public func count(_ cast: Ballot) -> CountedBallot {
        countsAsCast(cast) ? CountedBallot(ballot: cast) : countedByRule(cast)
    }

    /// ``count(_:)`` applying every step of the rule, whatever the ballot.
    func countedByRule(_ cast: Ballot) -> CountedBallot {
        var notices: [BallotNotice] = []
        var support: [Int64: Int] = [:]
        for (id, dots) in cast.support.sorted(by: { $0.key < $1.key }) where dots > 0 {
            let (into, reason) = destination(of: id, for: cast.participantID)
            if let reason {
                notices.append(BallotNotice(reason, proposal: id, into: into, dots: dots, counted: 0))
                continue
            }
            let target = into ?? id
            support[target, default: 0] += dots
            if let into { notices.append(BallotNotice(.merged, proposal: id, into: into, dots: dots, counted: dots)) }
        }
        for (target, dots) in support.sorted(by: { $0.key < $1.key }) where dots > cap {
            support[target] = cap
            notices.append(BallotNotice(.capped, proposal: target, dots: dots, counted: cap))
        }

        var ratings: [Int64: [String: Int]] = [:]
        var carried: [Int64: [String: Int]] = [:]
        for (id, goals) in cast.ratings {
            let (into, reason) = destination(of: id, for: cast.participantID)
            guard reason == nil else { continue }
            if let into {
                for (goal, value) in goals {
                    carried[into, default: [:]][goal] = max(carried[into]?[goal] ?? value, value)
                }
            } else {
                ratings[id] = goals
            }
        }
        for (target, goals) in carried {
            ratings[target] = goals.merging(ratings[target] ?? [:]) { _, own in own }
        }
        return CountedBallot(
            ballot: Ballot(participantID: cast.participantID, support: support, ratings: ratings), notices: notices)
    }

    /// Support per proposal over counted ballots: dots (or approvals) and distinct supporters.
    /// Proposals nobody supports are absent.
    public func tallies(_ ballots: [Ballot]) -> [Int64: (support: Int, supporters: Int)] {
        var tallies: [Int64: (support: Int, supporters: Int)] = [:]
        for ballot in ballots {
            for (id, dots) in count(ballot).ballot.support {
                let current = tallies[id] ?? (0, 0)
                tallies[id] = (current.support + dots, current.supporters + 1)
            }
        }
        return tallies
    }
}
