/// Counting from running tallies (``BallotSums``) instead of every ballot.
///
/// A ballot counts for a proposal exactly as cast (dots capped) unless a merge, a hide or the
/// self-support rule touches that proposal. Those proposals are few, and counting is local to each
/// one: what a voter's ballot counts for proposal T depends only on their rows on the proposals that
/// end at T. So the counted tallies are the histograms of the untouched proposals plus the counted
/// cast rows of the touched ones, and equal what counting every ballot gives.
extension BallotCounting {
    /// The proposals whose cast rows must be counted one by one: every merged proposal whose chain
    /// ends at a visible one, that end, and `selfSupported` (proposals their author's own ballot
    /// supports or rates) while self-support is off. Support on a proposal that is not visible and
    /// ends nowhere visible never counts, so a hide costs no recount.
    public func recounted(selfSupported: Set<Int64>) -> Set<Int64> {
        var touched: Set<Int64> = []
        for (id, target) in targets where (statuses[target] ?? .visible) == .visible {
            touched.insert(id)
            touched.insert(target)
        }
        if !authors.isEmpty {
            for id in selfSupported where (statuses[id] ?? .visible) == .visible { touched.insert(id) }
        }
        return touched
    }

    /// The tallies as they count: `sums` for the visible proposals outside `recounted`, and the
    /// counted `rows` (every cast row on a proposal in `recounted`, one partial ballot per participant)
    /// for the rest. Counted support is within the cap; support outside `recounted` is capped by whoever
    /// reads it (``BallotSums/supportTallies(cap:)``, the ranking's tally).
    public func counted(sums: BallotSums, recounted: Set<Int64>, rows: [Ballot]) -> BallotSums {
        var result = sums
        for id in recounted {
            result.support[id] = nil
            result.ratings[id] = nil
        }
        // What was cast on a hidden or merged proposal counts only through the recounted rows.
        for (id, status) in statuses where status != .visible {
            result.support[id] = nil
            result.ratings[id] = nil
        }
        for row in rows { result.add(count(row).ballot) }
        return result
    }

    /// Support per proposal as it counts, from the tallies (see ``counted(sums:recounted:rows:)``):
    /// equal to ``tallies(_:)`` over every ballot.
    public func tallies(sums: BallotSums, recounted: Set<Int64>, rows: [Ballot]) -> [Int64: (support: Int, supporters: Int)] {
        counted(sums: sums, recounted: recounted, rows: rows).supportTallies(cap: cap)
    }
}
