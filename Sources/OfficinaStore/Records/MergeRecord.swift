import Foundation

/// One entry of a workshop's merge audit trail.
public struct MergeRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var workshopID: Int64
    /// The duplicate, now `merged(into:)`.
    public var from: Int64
    /// The proposal kept.
    public var into: Int64
    public var by: String
    public var at: Date
    /// When the merge was undone, if it was.
    public var undoneAt: Date?
    /// Ballots whose support moved from `from` to `into`.
    public var movedBallots: Int

    public init(id: Int64, workshopID: Int64, from: Int64, into: Int64, by: String, at: Date, undoneAt: Date?, movedBallots: Int) {
        self.id = id
        self.workshopID = workshopID
        self.from = from
        self.into = into
        self.by = by
        self.at = at
        self.undoneAt = undoneAt
        self.movedBallots = movedBallots
    }
}
