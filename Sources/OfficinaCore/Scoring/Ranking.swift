/// A workshop's ranking with its full breakdown: the `Ranking` shape of docs/api.md.
///
/// Computed by `Ranking.compute(_:configuration:)`, a pure and deterministic function of its input.
/// Encode it with `JSONEncoder` (`.sortedKeys` for byte-stable output).
public struct Ranking: Codable, Sendable, Hashable {
    /// The workshop's join code.
    public var workshop: String
    public var phase: Phase
    /// Weights as applied (not normalised), per goal key.
    public var weights: [String: Double]
    /// The goals in display order, with labels and the weights applied.
    public var goals: [Goal]
    public var method: RankingMethod
    public var counts: RankingCounts
    /// Best first.
    public var entries: [RankingEntry]
    /// Per goal key, ranked proposal ids best first on that goal alone.
    public var perGoal: [String: [Int64]]
    /// Per goal key, the workshop-wide mean and spread the scores were shrunk toward.
    public var goalStatistics: [String: GoalStatistics]
    public var settled: SettledSignal
    public var shortlist: Shortlist
    /// Hidden and merged proposals, by id.
    public var excluded: [ExcludedProposal]
    /// Language of the single-language strings (`it` or `en`).
    public var language: String
    /// Participant groups and whether broad support was weighed in; nil when the programme has no groups.
    public var bridging: BridgingSummary?

    public init(
        workshop: String, phase: Phase, weights: [String: Double], goals: [Goal], method: RankingMethod,
        counts: RankingCounts, entries: [RankingEntry], perGoal: [String: [Int64]],
        goalStatistics: [String: GoalStatistics], settled: SettledSignal, shortlist: Shortlist,
        excluded: [ExcludedProposal], language: String
    ) {
        self.workshop = workshop
        self.phase = phase
        self.weights = weights
        self.goals = goals
        self.method = method
        self.counts = counts
        self.entries = entries
        self.perGoal = perGoal
        self.goalStatistics = goalStatistics
        self.settled = settled
        self.shortlist = shortlist
        self.excluded = excluded
        self.language = language
    }

    /// The entry for a proposal id, if ranked.
    public func entry(id: Int64) -> RankingEntry? {
        entries.first { $0.id == id }
    }
}
