/// Every number computed for one ranked proposal before it gets a rank.
struct ProposalFigures {
    let id: Int64
    /// Aligned with the ranking's goals.
    let goals: [GoalScore]
    let support: SupportScore
    let parts: ScoreParts
    let overall: Double
    let interval: ScoreInterval
    /// The overall's standard deviation before clipping (the interval's half-width ÷ z): what the
    /// settled probability draws with.
    let deviation: Double
    /// Ratings received, all goals together.
    let ratings: Int
    /// Support per participant group, when any group voted (docs/scoring.md §19).
    var broad: BroadSupport? = nil
}
