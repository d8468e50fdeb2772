/// A goal's ratings across the whole workshop: the prior every proposal's score on it is shrunk toward.
public struct GoalStatistics: Codable, Sendable, Hashable {
    /// μ: the mean of all ratings on this goal (2, the scale's midpoint, when there are none).
    public var mean: Double
    /// σ: the pooled within-proposal standard deviation (see docs/scoring.md).
    public var spread: Double
    public var ratings: Int
    /// The weight as given (not normalised).
    public var weight: Double

    public init(mean: Double, spread: Double, ratings: Int, weight: Double) {
        self.mean = mean
        self.spread = spread
        self.ratings = ratings
        self.weight = weight
    }
}
