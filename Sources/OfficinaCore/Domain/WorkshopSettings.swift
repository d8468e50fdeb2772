/// A workshop's voting rules and bias controls.
public struct WorkshopSettings: Codable, Sendable, Hashable {
    public var votingMethod: VotingMethod
    /// Dots each participant may spend (dots method only).
    public var dotBudget: Int
    /// Most dots one participant may put on one proposal (dots method only).
    public var perProposalCap: Int
    /// Whether participants rate proposals 0–4 on each goal.
    public var ratingsEnabled: Bool
    /// Whether authors are hidden from other participants.
    public var anonymous: Bool
    /// Show proposals in a random order per participant.
    public var shuffleProposals: Bool
    /// Show tallies to participants (and on the projector) before the workshop closes.
    public var showLiveTallies: Bool
    /// Allow a participant to support their own proposal.
    public var allowSelfSupport: Bool
    /// Only participants holding a single-use access code may join.
    public var requireAccessCode: Bool

    public init(
        votingMethod: VotingMethod = .dots,
        dotBudget: Int = 5,
        perProposalCap: Int = 3,
        ratingsEnabled: Bool = true,
        anonymous: Bool = false,
        shuffleProposals: Bool = true,
        showLiveTallies: Bool = false,
        allowSelfSupport: Bool = false,
        requireAccessCode: Bool = false
    ) {
        self.votingMethod = votingMethod
        self.dotBudget = dotBudget
        self.perProposalCap = perProposalCap
        self.ratingsEnabled = ratingsEnabled
        self.anonymous = anonymous
        self.shuffleProposals = shuffleProposals
        self.showLiveTallies = showLiveTallies
        self.allowSelfSupport = allowSelfSupport
        self.requireAccessCode = requireAccessCode
    }

    public static let `default` = WorkshopSettings()
}
