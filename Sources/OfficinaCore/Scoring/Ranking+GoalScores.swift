extension Ranking {
    /// Whether the per-goal scores mean anything a report should show. Not with pairwise voting (a pair
    /// is judged against all goals at once, so every goal score is empty) nor when ratings do not count
    /// (support weight 1, e.g. ratings off): the exports then leave the per-goal columns out rather
    /// than fill them with zeros or untouched priors a reader would take for results.
    public var hasGoalScores: Bool { method.supportWeight < 1 }
}
