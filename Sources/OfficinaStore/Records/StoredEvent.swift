import Foundation

/// One live-update event as stored for `Last-Event-ID` resume: `seq` is per workshop, from 1.
public struct StoredEvent: Sendable, Hashable {
    public var workshopID: Int64
    public var seq: Int64
    /// The SSE event name: `workshop`, `proposal`, `merge`, `tally`, …
    public var type: String
    /// The event's data, JSON text as the App encoded it.
    public var data: String
    public var at: Date

    public init(workshopID: Int64, seq: Int64, type: String, data: String, at: Date) {
        self.workshopID = workshopID
        self.seq = seq
        self.type = type
        self.data = data
        self.at = at
    }
}
