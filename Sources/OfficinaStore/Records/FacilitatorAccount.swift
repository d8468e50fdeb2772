import Foundation

/// A facilitator's account. The password hash is an opaque string the App computes and checks.
public struct FacilitatorAccount: Sendable, Hashable {
    public var id: Int64
    public var username: String
    public var passwordHash: String
    public var createdAt: Date

    public init(id: Int64, username: String, passwordHash: String, createdAt: Date) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.createdAt = createdAt
    }
}
