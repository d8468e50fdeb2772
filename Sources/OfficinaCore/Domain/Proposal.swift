import Foundation

/// An idea posted by a participant during `collecting`.
public struct Proposal: Codable, Sendable, Hashable, Identifiable {
    public static let maxTitleLength = 120
    public static let maxBodyLength = 2_000

    public var id: Int64
    public var workshopID: Int64
    public var authorID: Int64
    public var authorName: String
    public var title: String
    public var body: String
    /// Keys of the goals the author thinks it serves.
    public var goals: [String]
    public var status: ProposalStatus
    public var createdAt: Date

    public init(
        id: Int64, workshopID: Int64, authorID: Int64, authorName: String,
        title: String, body: String, goals: [String],
        status: ProposalStatus = .visible, createdAt: Date = Date()
    ) {
        self.id = id
        self.workshopID = workshopID
        self.authorID = authorID
        self.authorName = authorName
        self.title = title
        self.body = body
        self.goals = goals
        self.status = status
        self.createdAt = createdAt
    }
}
