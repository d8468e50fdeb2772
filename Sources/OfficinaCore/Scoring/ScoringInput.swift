/// Everything one workshop's ranking is computed from. A pure value: the caller loads it, the scorer
/// reads nothing else.
public struct ScoringInput: Sendable, Hashable {
    /// The workshop's join code, echoed in the ranking.
    public var workshop: String
    public var phase: Phase
    /// The goals in display order, with the weights to apply (the programme's, or overridden).
    public var goals: [Goal]
    /// Every proposal of the workshop, whatever its status.
    public var candidates: [RankingCandidate]
    /// One ballot per participant; a later duplicate for the same participant replaces an earlier one.
    public var ballots: [Ballot]
    /// Voting method, dot budget and per-proposal cap, and whether ratings are asked.
    public var settings: WorkshopSettings
    /// Participants who joined, whether or not they voted.
    public var participants: Int
    /// The programme's participant groups, in order (docs/scoring.md §19).
    public var participantGroups: [ParticipantGroup] = []
    /// The group each participant declared, by participant id; absent when they preferred not to say.
    public var groupOf: [Int64: String] = [:]
    /// The author of each proposal, by proposal id. Pairwise counting drops a choice by the author of
    /// either proposal (as resolved through merges): nobody judges their own idea (docs/scoring.md §20).
    public var authorOf: [Int64: Int64] = [:]
    /// The counted ballots as running tallies, read instead of `ballots` (then empty) when
    /// ``TalliedBallots/suffice(for:method:bridging:)`` says the method needs nothing per voter.
    public var tallied: TalliedBallots?
    /// True when `ballots` are already counted (`BallotCounting`, with the workshop's statuses and
    /// cap), one per participant: the scorer then takes them as they are instead of counting again.
    public var ballotsCounted = false

    public init(
        workshop: String, phase: Phase = .voting, goals: [Goal], candidates: [RankingCandidate],
        ballots: [Ballot], settings: WorkshopSettings = .default, participants: Int? = nil
    ) {
        self.workshop = workshop
        self.phase = phase
        self.goals = goals
        self.candidates = candidates
        self.ballots = ballots
        self.settings = settings
        self.participants = participants ?? ballots.count
    }

    /// The same input with some goals' weights replaced; goals not named keep theirs.
    /// Parse a query string with `GoalWeights.parse` first: it reports unknown goals and bad numbers.
    public func reweighted(_ weights: [String: Double]) -> ScoringInput {
        var copy = self
        copy.goals = goals.map { goal in
            var goal = goal
            if let weight = weights[goal.key] { goal.weight = weight }
            return goal
        }
        return copy
    }

    /// Support units one ballot can give one proposal: 1 for approval, else the per-proposal cap
    /// (never more than the budget, never less than 1).
    public var supportCap: Int {
        settings.votingMethod.strategy.supportCap(settings)
    }
}
