/// One ranked proposal with every part of its score, so the rank can be explained and audited.
public struct RankingEntry: Codable, Sendable, Hashable, Identifiable {
    /// 1-based position after the tie rule; no two entries share a rank.
    public var rank: Int
    public var id: Int64
    public var title: String
    public var author: String?
    /// 0…100; equals `parts.goals + parts.support`.
    public var overall: Double
    /// The overall's interval (parts' half-widths combined in quadrature), clipped to 0…100.
    public var interval: ScoreInterval
    /// Per goal key.
    public var goals: [String: GoalScore]
    public var support: SupportScore
    public var parts: ScoreParts
    public var rankRange: RankRange
    public var buildOns: Int
    /// Ratings received, all goals together.
    public var ratings: Int
    /// The breakdown in one line, in the ranking's language.
    public var explanation: String
    /// The same line in Italian and English.
    public var explanations: LocalizedText
    /// Support per participant group and across them, when any group voted (docs/scoring.md §19).
    public var broadSupport: BroadSupport?

    public init(
        rank: Int, id: Int64, title: String, author: String?, overall: Double, interval: ScoreInterval,
        goals: [String: GoalScore], support: SupportScore, parts: ScoreParts, rankRange: RankRange,
        buildOns: Int, ratings: Int, explanation: String, explanations: LocalizedText
    ) {
        self.rank = rank
        self.id = id
        self.title = title
        self.author = author
        self.overall = overall
        self.interval = interval
        self.goals = goals
        self.support = support
        self.parts = parts
        self.rankRange = rankRange
        self.buildOns = buildOns
        self.ratings = ratings
        self.explanation = explanation
        self.explanations = explanations
    }

    private enum CodingKeys: String, CodingKey {
        case rank, id, title, author, overall, interval, goals, support, parts, rankRange, buildOns, ratings
        case explanation, explanations, broadSupport
    }

    /// Encodes `author` as an explicit null when hidden, as docs/api.md shows.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rank, forKey: .rank)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(author, forKey: .author)
        try container.encode(overall, forKey: .overall)
        try container.encode(interval, forKey: .interval)
        try container.encode(goals, forKey: .goals)
        try container.encode(support, forKey: .support)
        try container.encode(parts, forKey: .parts)
        try container.encode(rankRange, forKey: .rankRange)
        try container.encode(buildOns, forKey: .buildOns)
        try container.encode(ratings, forKey: .ratings)
        try container.encode(explanation, forKey: .explanation)
        try container.encode(explanations, forKey: .explanations)
        try container.encodeIfPresent(broadSupport, forKey: .broadSupport)
    }
}
