/// A proposal of some workshop, seen from one goal of the programme.
public struct RollupProposal: Codable, Sendable, Hashable {
    /// The workshop's join code.
    public var workshop: String
    public var id: Int64
    public var title: String
    /// Its score on the goal (0–4) and interval, as its own workshop computed them.
    public var score: Double
    public var low: Double
    public var high: Double
    public var ratings: Int
    public var overall: Double
    /// Its overall rank in its own workshop.
    public var rank: Int

    public init(
        workshop: String, id: Int64, title: String, score: Double, low: Double, high: Double,
        ratings: Int, overall: Double, rank: Int
    ) {
        self.workshop = workshop
        self.id = id
        self.title = title
        self.score = score
        self.low = low
        self.high = high
        self.ratings = ratings
        self.overall = overall
        self.rank = rank
    }
}
