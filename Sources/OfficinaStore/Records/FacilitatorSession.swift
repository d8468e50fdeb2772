import Foundation

/// A facilitator's login session, found by the hash of the cookie's token.
public struct FacilitatorSession: Sendable, Hashable {
    public var tokenHash: String
    public var facilitatorID: Int64
    public var username: String
    public var createdAt: Date
    public var expiresAt: Date

    public init(tokenHash: String, facilitatorID: Int64, username: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.facilitatorID = facilitatorID
        self.username = username
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
