/// One of a programme's goals, against which every proposal is scored.
public struct Goal: Codable, Sendable, Hashable {
    /// Stable key, e.g. `space`, `partnerships`, `community`: `[a-z][a-z0-9_-]{0,31}`.
    public var key: String
    public var label: LocalizedText
    /// Relative weight in the overall score; never negative.
    public var weight: Double

    public init(key: String, label: LocalizedText, weight: Double = 1) {
        self.key = key
        self.label = label
        self.weight = weight
    }
}
