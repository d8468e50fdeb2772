/// A proposal as pair selection sees it: its current strength and how often it has been compared.
public struct PairCandidate: Sendable, Hashable {
    public var id: Int64
    /// The current log-strength θ (`PairwiseStrengths`); 0 before any comparison.
    public var strength: Double
    /// Choices (not skips) that involved it, by anyone.
    public var comparisons: Int

    public init(id: Int64, strength: Double, comparisons: Int) {
        self.id = id
        self.strength = strength
        self.comparisons = comparisons
    }
}
