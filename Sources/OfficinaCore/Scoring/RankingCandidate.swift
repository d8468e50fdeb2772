/// A proposal as the scorer sees it: what the ranking shows and whether it takes part.
public struct RankingCandidate: Codable, Sendable, Hashable {
    public var id: Int64
    public var title: String
    /// The author's display name, or nil when the workshop is anonymous to the reader of the ranking.
    public var author: String?
    /// Only `visible` proposals are ranked; `merged(into:)` ones carry their support to their target.
    public var status: ProposalStatus
    /// Keys of the goals the author tagged; used by the shortlist only when nobody rated that goal.
    public var goals: [String]
    public var buildOns: Int

    public init(
        id: Int64, title: String, author: String? = nil, status: ProposalStatus = .visible,
        goals: [String] = [], buildOns: Int = 0
    ) {
        self.id = id
        self.title = title
        self.author = author
        self.status = status
        self.goals = goals
        self.buildOns = buildOns
    }

    /// A candidate from a stored proposal; `showAuthor` is false when the reader may not see authors.
    public init(proposal: Proposal, buildOns: Int, showAuthor: Bool) {
        self.init(
            id: proposal.id, title: proposal.title, author: showAuthor ? proposal.authorName : nil,
            status: proposal.status, goals: proposal.goals, buildOns: buildOns
        )
    }
}
