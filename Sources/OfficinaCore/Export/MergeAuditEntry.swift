import Foundation

/// One merge as the facilitator's export records it: which proposal went into which, who did it,
/// when, and when it was undone (if it was).
public struct MergeAuditEntry: Codable, Sendable, Hashable {
    public var from: Int64
    public var into: Int64
    public var by: String
    public var at: Date
    public var undoneAt: Date?

    public init(from: Int64, into: Int64, by: String, at: Date, undoneAt: Date?) {
        self.from = from
        self.into = into
        self.by = by
        self.at = at
        self.undoneAt = undoneAt
    }
}
