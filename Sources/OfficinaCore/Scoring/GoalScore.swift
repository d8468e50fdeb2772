/// One proposal's score on one goal: the shrunk mean of its 0–4 ratings, with its interval.
///
/// `score = (m·μ + Σr) / (m + n)` where μ is the workshop's mean for the goal and m the prior strength;
/// the interval is `score ± z·σ/√(m + n)` clipped to 0…4 (σ: the goal's pooled spread). See docs/scoring.md.
public struct GoalScore: Codable, Sendable, Hashable {
    /// The shrunk score, 0…4.
    public var score: Double
    public var low: Double
    public var high: Double
    /// How many participants rated the proposal on this goal.
    public var ratings: Int
    /// The plain mean of those ratings; nil when there are none.
    public var mean: Double?
    /// The goal's normalised weight (weights sum to 1 over the goals).
    public var weight: Double
    /// What this goal adds to the overall, in points of 0–100.
    public var points: Double
    /// Whether the proposal serves the goal for the shortlist (score above the goal's workshop mean; when
    /// nobody rated the goal, the author tagged it).
    public var serves: Bool

    public init(
        score: Double, low: Double, high: Double, ratings: Int, mean: Double?, weight: Double,
        points: Double, serves: Bool
    ) {
        self.score = score
        self.low = low
        self.high = high
        self.ratings = ratings
        self.mean = mean
        self.weight = weight
        self.points = points
        self.serves = serves
    }

    private enum CodingKeys: String, CodingKey {
        case score, low, high, ratings, mean, weight, points, serves
    }

    /// Encodes `mean` as an explicit null when there are no ratings, as docs/api.md shows.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(low, forKey: .low)
        try container.encode(high, forKey: .high)
        try container.encode(ratings, forKey: .ratings)
        try container.encode(mean, forKey: .mean)
        try container.encode(weight, forKey: .weight)
        try container.encode(points, forKey: .points)
        try container.encode(serves, forKey: .serves)
    }
}
