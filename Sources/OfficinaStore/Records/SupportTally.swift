/// A proposal's support across a workshop's ballots.
public struct SupportTally: Sendable, Hashable, Codable {
    /// Dots (or approvals) in total.
    public var support: Int
    /// Distinct participants supporting it.
    public var supporters: Int

    public init(support: Int, supporters: Int) {
        self.support = support
        self.supporters = supporters
    }
}
