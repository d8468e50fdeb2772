import Foundation

/// Someone who joined one workshop with a display name; identified by a cookie token.
public struct Participant: Codable, Sendable, Hashable, Identifiable {
    public static let maxNameLength = 40

    public var id: Int64
    public var workshopID: Int64
    public var name: String
    public var joinedAt: Date

    public init(id: Int64, workshopID: Int64, name: String, joinedAt: Date = Date()) {
        self.id = id
        self.workshopID = workshopID
        self.name = name
        self.joinedAt = joinedAt
    }
}
