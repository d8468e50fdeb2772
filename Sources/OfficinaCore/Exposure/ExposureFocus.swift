/// Which proposals a balanced order should bring to the room's eyes once every proposal has been
/// seen enough (docs/scoring.md, "Exposure"): those the ranking says could still be in its top k.
///
/// With every proposal at ``ExposureOrder/focusFloor`` raters, one more rating of a proposal that
/// cannot reach the top k changes nothing a facilitator acts on, while one of a proposal on the
/// edge of it decides the shortlist. So, until the top k is settled, the proposals whose rank range
/// reaches into it come first; once it is settled (or the ranking has no top k to settle), none do
/// and the order goes back to fewest raters first.
///
/// ```swift
/// let contending = ExposureFocus.contending(in: ranking)   // ids whose best rank ≤ k, or []
/// ```
public enum ExposureFocus {
    /// The ids of `ranking`'s proposals that could still be in its top `k` (`settled.k`), or none
    /// when that top is settled.
    public static func contending(in ranking: Ranking) -> Set<Int64> {
        guard !ranking.settled.settled, ranking.entries.count > ranking.settled.k else { return [] }
        return Set(ranking.entries.filter { $0.rankRange.best <= ranking.settled.k }.map(\.id))
    }
}

extension ExposureFocus {
    /// Whether contenders found when the room's proposals had `then` raters in all should be found
    /// again now that they have `now`: after a change of 5% (at least 10 raters). A server ranks
    /// again at that pace rather than at every ballot; a ranking of thousands of ballots costs
    /// milliseconds, and a few raters more rarely move a rank range.
    public static func isStale(ratersThen then: Int, ratersNow now: Int) -> Bool {
        abs(now - then) >= max(10, then / 20)
    }
}
