/// The ranking's participant groups and whether broad support was weighed in (docs/scoring.md §19).
public struct BridgingSummary: Codable, Sendable, Hashable {
    /// One group that voted, in the programme's order.
    public struct Group: Codable, Sendable, Hashable {
        public var key: String
        public var label: LocalizedText
        /// Ballots from participants who declared this group.
        public var ballots: Int

        public init(key: String, label: LocalizedText, ballots: Int) {
            self.key = key
            self.label = label
            self.ballots = ballots
        }
    }

    /// The workshop's setting: weigh broad support into the overall.
    public var enabled: Bool
    /// Whether it changed the overall: on, and at least two groups voted. With one group or none,
    /// broad support says nothing across groups, so the ranking is the one with the setting off.
    public var applied: Bool
    public var groups: [Group]
    /// Ballots from participants who declared no group (they count in everything but broad support).
    public var undeclared: Int

    public init(enabled: Bool, applied: Bool, groups: [Group], undeclared: Int) {
        self.enabled = enabled
        self.applied = applied
        self.groups = groups
        self.undeclared = undeclared
    }
}
