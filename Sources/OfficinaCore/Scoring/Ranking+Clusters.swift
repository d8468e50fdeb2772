extension Ranking {
    /// The ranking cut down to the proposals in `ids` (one affinity cluster): entries, per-goal
    /// orders, shortlist members and excluded proposals outside it are dropped. Ranks, scores and counts
    /// stay those of the whole workshop, so "3rd" still means third of everything voted on.
    public func restricted(to ids: Set<Int64>) -> Ranking {
        var ranking = self
        ranking.entries = entries.filter { ids.contains($0.id) }
        ranking.perGoal = perGoal.mapValues { $0.filter(ids.contains) }
        ranking.excluded = excluded.filter { ids.contains($0.id) }
        ranking.shortlist.ids = shortlist.ids.filter(ids.contains)
        ranking.shortlist.covers = shortlist.covers.mapValues { $0.filter(ids.contains) }
        return ranking
    }
}
