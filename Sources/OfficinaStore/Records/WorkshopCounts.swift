/// How much a workshop holds; `ballots > 0` means its voting settings are locked.
public struct WorkshopCounts: Sendable, Hashable, Codable {
    public var participants: Int
    public var proposals: Int
    public var buildOns: Int
    public var ballots: Int
    /// Individual 0–4 ratings across all ballots.
    public var ratings: Int

    public init(participants: Int = 0, proposals: Int = 0, buildOns: Int = 0, ballots: Int = 0, ratings: Int = 0) {
        self.participants = participants
        self.proposals = proposals
        self.buildOns = buildOns
        self.ballots = ballots
        self.ratings = ratings
    }
}
