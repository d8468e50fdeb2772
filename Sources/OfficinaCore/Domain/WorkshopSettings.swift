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
    /// Most proposals one participant may add (hidden and merged ones count). Default 10.
    public var proposalsPerParticipant: Int
    /// Most build-ons one participant may add. Default 30.
    public var buildOnsPerParticipant: Int
    /// Most proposal edits one participant may make in any 60 seconds. Default 20.
    public var editsPerMinute: Int
    /// Most proposals the whole workshop may hold. Default 300.
    public var maxProposals: Int

    public init(
        votingMethod: VotingMethod = .dots,
        dotBudget: Int = 5,
        perProposalCap: Int = 3,
        ratingsEnabled: Bool = true,
        anonymous: Bool = false,
        shuffleProposals: Bool = true,
        showLiveTallies: Bool = false,
        allowSelfSupport: Bool = false,
        requireAccessCode: Bool = false,
        proposalsPerParticipant: Int = 10,
        buildOnsPerParticipant: Int = 30,
        editsPerMinute: Int = 20,
        maxProposals: Int = 300
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
        self.proposalsPerParticipant = proposalsPerParticipant
        self.buildOnsPerParticipant = buildOnsPerParticipant
        self.editsPerMinute = editsPerMinute
        self.maxProposals = maxProposals
    }

    public static let `default` = WorkshopSettings()
}
