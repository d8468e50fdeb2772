import OfficinaHTTP

/// The frames of one batch of deliveries: an event is framed once per audience, a tally once per
/// audience and id, and every stream that gets it is handed the same bytes.
struct LiveFrames {
    private struct Key: Hashable {
        /// The event's sequence, or the tally's id.
        let sequence: Int64
        let tally: Bool
        let facilitator: Bool
    }

    private var frames: [Key: EventFrame] = [:]

    mutating func frame(_ message: LiveDelivery.Message, facilitator: Bool) -> EventFrame {
        switch message {
        case .event(let event):
            let key = Key(sequence: event.sequence, tally: false, facilitator: facilitator)
            if let frame = frames[key] { return frame }
            let frame = EventFrame(event: event.kind, data: event.data(forFacilitator: facilitator).text, id: String(event.sequence))
            frames[key] = frame
            return frame
        case .tally(let full, let open, let id):
            let key = Key(sequence: id, tally: true, facilitator: facilitator)
            if let frame = frames[key] { return frame }
            let frame = EventFrame(event: "tally", data: facilitator ? full : open, id: String(id))
            frames[key] = frame
            return frame
        }
    }
}
