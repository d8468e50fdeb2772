import Foundation

/// A short reply that extends a proposal.
public struct BuildOn: Codable, Sendable, Hashable, Identifiable {
    public static let maxTextLength = 500

    public var id: Int64
    public var proposalID: Int64
    public var authorID: Int64
    public var authorName: String
    public var text: String
    public var createdAt: Date

    public init(id: Int64, proposalID: Int64, authorID: Int64, authorName: String, text: String, createdAt: Date = Date()) {
        self.id = id
        self.proposalID = proposalID
        self.authorID = authorID
        self.authorName = authorName
        self.text = text
        self.createdAt = createdAt
    }
}
