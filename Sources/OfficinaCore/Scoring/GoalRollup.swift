/// One programme goal across all workshops: its strongest proposals and how well it is covered.
public struct GoalRollup: Codable, Sendable, Hashable {
    public var key: String
    public var label: LocalizedText
    /// The programme's weight for the goal.
    public var weight: Double
    /// Proposals that serve the goal, strongest first (see `ProgrammeRollup`), at most the limit asked.
    public var strongest: [RollupProposal]
    /// Workshops (codes) in which some ranked proposal serves the goal.
    public var servedIn: [String]
    /// Workshops (codes) whose goal-covering shortlist serves the goal.
    public var coveredIn: [String]
    /// `coveredIn.count ÷` workshops considered: 0…1; 0 when there are none.
    public var coverage: Double
    /// Ratings on the goal, all workshops together.
    public var ratings: Int

    public init(
        key: String, label: LocalizedText, weight: Double, strongest: [RollupProposal], servedIn: [String],
        coveredIn: [String], coverage: Double, ratings: Int
    ) {
        self.key = key
        self.label = label
        self.weight = weight
        self.strongest = strongest
        self.servedIn = servedIn
        self.coveredIn = coveredIn
        self.coverage = coverage
        self.ratings = ratings
    }
}
