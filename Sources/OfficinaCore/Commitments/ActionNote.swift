import Foundation

/// A dated progress note on a follow-up action, written by a facilitator.
public struct ActionNote: Sendable, Hashable, Identifiable {
    public static let maxTextLength = 1_000

    public var id: Int64
    public var actionID: Int64
    public var text: String
    /// The day the note is about (`YYYY-MM-DD`), which may be earlier than when it was written.
    public var date: CalendarDate
    public var by: String
    public var createdAt: Date

    public init(id: Int64, actionID: Int64, text: String, date: CalendarDate, by: String, createdAt: Date) {
        self.id = id
        self.actionID = actionID
        self.text = text
        self.date = date
        self.by = by
        self.createdAt = createdAt
    }
}
