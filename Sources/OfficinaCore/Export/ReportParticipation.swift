/// How many took part: the participation figures every export shows.
public struct ReportParticipation: Codable, Sendable, Hashable {
    public var participants: Int
    public var ballots: Int
    /// Every proposal, ranked or not.
    public var proposals: Int
    public var ranked: Int
    public var buildOns: Int
    public var ratings: Int

    public init(participants: Int, ballots: Int, proposals: Int, ranked: Int, buildOns: Int, ratings: Int) {
        self.participants = participants
        self.ballots = ballots
        self.proposals = proposals
        self.ranked = ranked
        self.buildOns = buildOns
        self.ratings = ratings
    }

    /// The figures a ranking already holds, build-ons summed over ranked and excluded proposals.
    public init(ranking: Ranking) {
        let buildOns = ranking.entries.reduce(0) { $0 + $1.buildOns } + ranking.excluded.reduce(0) { $0 + $1.buildOns }
        self.init(
            participants: ranking.counts.participants, ballots: ranking.counts.ballots,
            proposals: ranking.counts.proposals + ranking.excluded.count, ranked: ranking.counts.proposals,
            buildOns: buildOns, ratings: ranking.counts.ratings
        )
    }
}
