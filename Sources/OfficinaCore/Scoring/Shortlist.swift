/// The best `k` proposals that together serve every goal with a weight above zero.
///
/// Chosen to serve as many of those goals as can be served, then to maximise the sum of overall
/// scores; among equal sets the one with better ranks wins. See `ShortlistSelection`.
public struct Shortlist: Codable, Sendable, Hashable {
    public var k: Int
    /// Proposal ids, best rank first.
    public var ids: [Int64]
    /// For each goal to cover, the shortlisted ids that serve it (empty when none can).
    public var covers: [String: [Int64]]
    /// Goals with weight above zero that no proposal of the workshop serves.
    public var uncovered: [String]
    /// Whether the set was found exactly (small cases) or greedily (many goals or a large k).
    public var exact: Bool

    public init(k: Int, ids: [Int64], covers: [String: [Int64]], uncovered: [String], exact: Bool) {
        self.k = k
        self.ids = ids
        self.covers = covers
        self.uncovered = uncovered
        self.exact = exact
    }
}
