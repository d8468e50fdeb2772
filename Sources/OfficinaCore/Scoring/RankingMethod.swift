/// The method a ranking was computed with, stated so a reader can audit it without the software.
public struct RankingMethod: Codable, Sendable, Hashable {
    /// `officina-1`.
    public var name: String
    public var supportWeight: Double
    public var priorStrength: Double
    /// Two-sided interval level, e.g. 0.9.
    public var interval: Double
    /// The critical value used for that level, e.g. 1.645.
    public var z: Double
    public var votingMethod: VotingMethod
    public var dotBudget: Int
    /// Support units one ballot can give one proposal (1 for approval).
    public var cap: Int
    public var ratingsEnabled: Bool
    /// The tie rule, in words (English).
    public var tieBreak: String
    /// The formulas, in words (English).
    public var description: String
    /// Tie rule and formulas in Italian and English.
    public var tieBreaks: LocalizedText
    public var descriptions: LocalizedText

    public init(
        name: String, supportWeight: Double, priorStrength: Double, interval: Double, z: Double,
        votingMethod: VotingMethod, dotBudget: Int, cap: Int, ratingsEnabled: Bool,
        tieBreak: String, description: String, tieBreaks: LocalizedText, descriptions: LocalizedText
    ) {
        self.name = name
        self.supportWeight = supportWeight
        self.priorStrength = priorStrength
        self.interval = interval
        self.z = z
        self.votingMethod = votingMethod
        self.dotBudget = dotBudget
        self.cap = cap
        self.ratingsEnabled = ratingsEnabled
        self.tieBreak = tieBreak
        self.description = description
        self.tieBreaks = tieBreaks
        self.descriptions = descriptions
    }
}
