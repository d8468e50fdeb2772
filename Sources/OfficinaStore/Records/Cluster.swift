import Foundation

/// A named group of a workshop's proposals on the facilitator's affinity board.
public struct Cluster: Sendable, Hashable {
    public var id: Int64
    public var workshopID: Int64
    public var name: String
    /// Place on the board, from 0; clusters are listed in this order.
    public var position: Int
    public var createdAt: Date
    /// The proposals in it, oldest first.
    public var proposalIDs: [Int64]

    public init(id: Int64, workshopID: Int64, name: String, position: Int, createdAt: Date, proposalIDs: [Int64] = []) {
        self.id = id
        self.workshopID = workshopID
        self.name = name
        self.position = position
        self.createdAt = createdAt
        self.proposalIDs = proposalIDs
    }
}
