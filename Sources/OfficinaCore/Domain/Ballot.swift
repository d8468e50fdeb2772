/// One participant's whole ballot in one workshop: support and optional ratings.
///
/// There is exactly one ballot per participant and workshop; a `PUT` replaces it.
public struct Ballot: Codable, Sendable, Hashable {
    /// The highest rating on a goal.
    public static let maxRating = 4

    public var participantID: Int64
    /// Dots (or 1 for approval) per proposal id. Zero entries are dropped.
    public var support: [Int64: Int]
    /// Ratings 0–4 per proposal id, per goal key.
    public var ratings: [Int64: [String: Int]]

    public init(participantID: Int64, support: [Int64: Int] = [:], ratings: [Int64: [String: Int]] = [:]) {
        self.participantID = participantID
        self.support = support.filter { $0.value != 0 }
        self.ratings = ratings.filter { !$0.value.isEmpty }
    }

    /// Every proposal the ballot supports or rates.
    public var namedProposals: Set<Int64> { Set(support.keys).union(ratings.keys) }

    /// Total dots spent.
    public var spent: Int { support.values.reduce(0, +) }
}
