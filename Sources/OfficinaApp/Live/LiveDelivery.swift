/// One message the hub decided to send to one stream. Decided under the hub's lock (which fixes
/// the order), sent after the lock is released (sending is a call into another component).
struct LiveDelivery {
    enum Message {
        case event(LiveEvent)
        /// A `tally` event: the facilitator's and everyone else's text, and the id it carries
        /// (the last event the stream was sent, so a reconnect resumes after it).
        case tally(full: String, open: String, id: Int64)
    }

    let stream: any EventStreamSink
    let facilitator: Bool
    let message: Message
}
