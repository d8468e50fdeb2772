/// A programme of themed workshops, all scored against the same goals.
public struct Programme: Codable, Sendable, Hashable, Identifiable {
    public var id: Int64
    public var title: LocalizedText
    public var description: LocalizedText
    public var goals: [Goal]

    public init(id: Int64, title: LocalizedText, description: LocalizedText, goals: [Goal]) {
        self.id = id
        self.title = title
        self.description = description
        self.goals = goals
    }
}
