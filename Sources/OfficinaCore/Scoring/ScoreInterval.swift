/// A closed interval of a score, on that score's own scale.
public struct ScoreInterval: Codable, Sendable, Hashable {
    public var low: Double
    public var high: Double

    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}
