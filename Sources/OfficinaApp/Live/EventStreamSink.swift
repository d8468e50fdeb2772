import OfficinaHTTP

/// What the hub writes to: an open server-sent event stream.
typealias EventStreamSink = EventStream

extension EventStream {
    /// Writes one live event for a viewer.
    func send(_ event: LiveEvent, facilitator: Bool) {
        send(event: event.kind, data: event.data(forFacilitator: facilitator).text, id: String(event.sequence))
    }
}
