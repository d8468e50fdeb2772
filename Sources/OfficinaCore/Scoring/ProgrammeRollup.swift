/// A programme's outcome per goal, across its workshops' rankings (docs/scoring.md, "Programme roll-up").
///
/// For each goal: the proposals serving it from every workshop, strongest first — by goal score, then
/// ratings on the goal, then overall, then workshop order, then id — and its coverage, the share of
/// workshops whose shortlist serves it. Scores are each workshop's own: shrunk toward that workshop's
/// mean, so they compare proposals within a room better than across rooms; the roll-up says so.
public struct ProgrammeRollup: Codable, Sendable, Hashable {
    /// Workshops considered, in the order given.
    public var workshops: [String]
    public var goals: [GoalRollup]

    public init(workshops: [String], goals: [GoalRollup]) {
        self.workshops = workshops
        self.goals = goals
    }

    /// Rolls `workshops` up over the programme's `goals`, keeping the `limit` strongest per goal.
    public static func compute(goals: [Goal], workshops: [RollupWorkshop], limit: Int = 5) -> ProgrammeRollup {
        let limit = max(0, limit)
        let rollups = goals.map { goal -> GoalRollup in
            var candidates: [(order: Int, proposal: RollupProposal)] = []
            var servedIn: [String] = []
            var coveredIn: [String] = []
            var ratings = 0
            for (order, workshop) in workshops.enumerated() {
                let ranking = workshop.ranking
                ratings += ranking.goalStatistics[goal.key]?.ratings ?? 0
                if !(ranking.shortlist.covers[goal.key] ?? []).isEmpty { coveredIn.append(workshop.code) }
                var served = false
                for entry in ranking.entries {
                    guard let score = entry.goals[goal.key], score.serves else { continue }
                    served = true
                    candidates.append((order, RollupProposal(
                        workshop: workshop.code, id: entry.id, title: entry.title, score: score.score,
                        low: score.low, high: score.high, ratings: score.ratings, overall: entry.overall,
                        rank: entry.rank
                    )))
                }
                if served { servedIn.append(workshop.code) }
            }
            let strongest = candidates.sorted { a, b in
                if a.proposal.score != b.proposal.score { return a.proposal.score > b.proposal.score }
                if a.proposal.ratings != b.proposal.ratings { return a.proposal.ratings > b.proposal.ratings }
                if a.proposal.overall != b.proposal.overall { return a.proposal.overall > b.proposal.overall }
                if a.order != b.order { return a.order < b.order }
                return a.proposal.id < b.proposal.id
            }.prefix(limit).map(\.proposal)
            return GoalRollup(
                key: goal.key, label: goal.label, weight: goal.weight, strongest: Array(strongest),
                servedIn: servedIn, coveredIn: coveredIn,
                coverage: workshops.isEmpty ? 0 : Double(coveredIn.count) / Double(workshops.count),
                ratings: ratings
            )
        }
        return ProgrammeRollup(workshops: workshops.map(\.code), goals: rollups)
    }
}
