/// The overall's two contributions, in points; `goals + support == overall`.
public struct ScoreParts: Codable, Sendable, Hashable {
    public var goals: Double
    public var support: Double

    public init(goals: Double, support: Double) {
        self.goals = goals
        self.support = support
    }
}
