import OfficinaStore

/// Events kept per workshop for `Last-Event-ID` resume; older ones are pruned.
let keptLiveEvents = 2_000

extension SQLDatabase {
    /// Appends a live event in the current write, so it commits with the change it describes.
    /// Publish the result to the hub once the write has returned.
    func appendLiveEvent(workshopID: Int64, kind: String, data: (facilitator: JSONValue, public: JSONValue)) throws -> LiveEvent {
        let draft = LiveEvent(sequence: 0, kind: kind, facilitatorData: data.facilitator, publicData: data.public)
        let stored = try events.append(workshopID: workshopID, type: kind, data: draft.storedData)
        if stored.seq % 500 == 0 { _ = try events.prune(workshopID: workshopID, keepingLast: keptLiveEvents) }
        var event = draft
        event.sequence = stored.seq
        return event
    }
}
