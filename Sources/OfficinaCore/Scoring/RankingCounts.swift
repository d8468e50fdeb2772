/// The evidence a ranking rests on.
public struct RankingCounts: Codable, Sendable, Hashable {
    /// Participants who joined.
    public var participants: Int
    /// Ballots counted (one per participant who voted).
    public var ballots: Int
    /// Proposals ranked (visible ones).
    public var proposals: Int
    /// Ratings counted on ranked proposals, all goals together.
    public var ratings: Int

    public init(participants: Int, ballots: Int, proposals: Int, ratings: Int) {
        self.participants = participants
        self.ballots = ballots
        self.proposals = proposals
        self.ratings = ratings
    }
}
