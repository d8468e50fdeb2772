/// Two proposals whose titles look alike: a hint for the facilitator, who decides whether to merge.
public struct DuplicateSuggestion: Codable, Sendable, Hashable {
    /// The smaller id.
    public var first: Int64
    /// The larger id.
    public var second: Int64
    /// 0…1; see `TitleSimilarity.score`.
    public var similarity: Double

    public init(first: Int64, second: Int64, similarity: Double) {
        self.first = first
        self.second = second
        self.similarity = similarity
    }
}
