/// Broad support (docs/scoring.md §19): per participant group, who saw and who backed each proposal,
/// and, when the workshop weighs it in, the support part of the overall read from it.
extension RankingComputation {
    /// The groups that voted, in the programme's order (then undeclared keys by name), and the
    /// ballots of each; plus the ballots with no group.
    func votingGroups() -> (groups: [BridgingSummary.Group], undeclared: Int) {
        var ballotsPerGroup: [String: Int] = [:]
        var undeclared = 0
        for ballot in ballots {
            if let key = input.groupOf[ballot.participantID] { ballotsPerGroup[key, default: 0] += 1 } else { undeclared += 1 }
        }
        var ordered: [BridgingSummary.Group] = []
        for group in input.participantGroups {
            guard let count = ballotsPerGroup.removeValue(forKey: group.key) else { continue }
            ordered.append(BridgingSummary.Group(key: group.key, label: group.label, ballots: count))
        }
        for key in ballotsPerGroup.keys.sorted() {
            ordered.append(BridgingSummary.Group(key: key, label: LocalizedText(it: key, en: key), ballots: ballotsPerGroup[key] ?? 0))
        }
        return (ordered, undeclared)
    }

    /// Per candidate position, per group key: ballots that saw the proposal and ballots that backed it.
    /// Seen: rated it on any goal, or supported it; with ratings off, every ballot of the group.
    /// Backed: supported it, or rated it above the midpoint (2) on average over the goals it rated.
    func groupCounts(groups: [BridgingSummary.Group]) -> [[String: GroupSupport]] {
        var index: [Int64: Int] = [:]
        for (position, candidate) in candidates.enumerated() { index[candidate.id] = position }
        let goalKeys = Set(goals.map(\.key))
        let ratingsOn = input.settings.ratingsEnabled
        var seen = Array(repeating: [String: Int](), count: candidates.count)
        var agree = seen
        for ballot in ballots {
            guard let key = input.groupOf[ballot.participantID] else { continue }
            var backed: Set<Int> = []
            var looked: Set<Int> = []
            for (id, given) in ballot.support where given > 0 {
                guard let p = index[id] else { continue }
                backed.insert(p)
                looked.insert(p)
            }
            if ratingsOn {
                for (id, values) in ballot.ratings {
                    guard let p = index[id] else { continue }
                    let counted = values.filter { goalKeys.contains($0.key) }.map { min(max($0.value, 0), Ballot.maxRating) }
                    guard !counted.isEmpty else { continue }
                    looked.insert(p)
                    // Mean above the midpoint, on integers: Σr > 2·n.
                    if counted.reduce(0, +) * 2 > Ballot.maxRating * counted.count { backed.insert(p) }
                }
            } else {
                looked = Set(candidates.indices)
            }
            for p in looked { seen[p][key, default: 0] += 1 }
            for p in backed { agree[p][key, default: 0] += 1 }
        }
        return candidates.indices.map { p in
            Dictionary(uniqueKeysWithValues: groups.map { group in
                (group.key, GroupSupport(seen: seen[p][group.key] ?? 0, agree: agree[p][group.key] ?? 0))
            })
        }
    }

    /// The figures with broad support attached (when any group voted) and, when the workshop weighs it
    /// in and at least two groups voted, the support part read from it: 100·β·B instead of 100·β·L.
    /// The overall's interval moves with it; its width (and so the settled probability's spread) stays.
    func bridged(_ scored: [ProposalFigures]) -> (figures: [ProposalFigures], summary: BridgingSummary?) {
        let (groups, undeclared) = votingGroups()
        let enabled = configuration.bridging
        guard !groups.isEmpty else {
            let summary = input.participantGroups.isEmpty && !enabled
                ? nil : BridgingSummary(enabled: enabled, applied: false, groups: [], undeclared: undeclared)
            return (scored, summary)
        }
        let applied = enabled && groups.count >= 2
        let counts = groupCounts(groups: groups)
        let order = groups.map(\.key)
        var position: [Int64: Int] = [:]
        for (p, candidate) in candidates.enumerated() { position[candidate.id] = p }
        let figures = scored.map { figure -> ProposalFigures in
            guard let p = position[figure.id] else { return figure }
            let broad = BroadSupport(groups: counts[p], order: order)
            guard applied else {
                var copy = figure
                copy.broad = broad
                return copy
            }
            let support = 100 * supportShare * broad.score
            let overall = figure.parts.goals + support
            let shift = overall - figure.overall
            var copy = ProposalFigures(
                id: figure.id, goals: figure.goals, support: figure.support,
                parts: ScoreParts(goals: figure.parts.goals, support: support), overall: overall,
                interval: ScoreInterval(
                    low: min(overall, max(0, figure.interval.low + shift)),
                    high: max(overall, min(100, figure.interval.high + shift))),
                deviation: figure.deviation, ratings: figure.ratings)
            copy.broad = broad
            return copy
        }
        return (figures, BridgingSummary(enabled: enabled, applied: applied, groups: groups, undeclared: undeclared))
    }
}
