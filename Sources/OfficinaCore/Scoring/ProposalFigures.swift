/// Every number computed for one ranked proposal before it gets a rank.
struct ProposalFigures {
    let id: Int64
    /// Aligned with the ranking's goals.
    let goals: [GoalScore]
    let support: SupportScore
    let parts: ScoreParts
    let overall: Double
    let interval: ScoreInterval
    /// Ratings received, all goals together.
    let ratings: Int
}
