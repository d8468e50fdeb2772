/// The live state of one workshop inside the hub: its subscribers, the order events are
/// delivered in, what waits to be sent, and when tallies were last pushed. Only touched under
/// the hub's lock; nothing here sends.
struct LiveChannel {
    struct Subscriber {
        let stream: any EventStreamSink
        /// Sees facilitator data. Turned off when the session that opened the stream ends.
        var facilitator: Bool
        /// The facilitator session (its token's digest) the stream was opened with.
        var session: String?
        /// When that session expires (seconds since the reference date).
        var privilegedUntil: Double?
        /// Events published while the subscriber's replay is still running.
        var buffered: [LiveEvent]?
        /// The last event queued for the stream (its `tally` events carry this id).
        var lastSent: Int64
    }

    var subscribers: [Int: Subscriber] = [:]
    /// The next sequence number expected; events that arrive early wait in `early`.
    var expected: Int64?
    var early: [Int64: LiveEvent] = [:]
    var lastDelivered: Int64 = 0
    var lastTallyAt: Double = -1_000
    var tallyScheduled = false
    /// Messages decided but not yet sent, in order.
    var outbox: [LiveDelivery] = []
    /// Some thread is sending the outbox; others only append to it.
    var draining = false

    /// Accepts a published event and returns those now deliverable, in sequence order.
    /// Early events wait for the gap to fill, but never more than `maxEarly` of them.
    mutating func accept(_ event: LiveEvent, maxEarly: Int = 16) -> [LiveEvent] {
        guard let next = expected, event.sequence > next else {
            if let next = expected, event.sequence < next { return [event] }
            expected = event.sequence + 1
            return [event] + drainEarly()
        }
        early[event.sequence] = event
        if early.count > maxEarly { return releaseEarly() }
        return []
    }

    /// Delivers every waiting event regardless of gaps (a gap that never filled).
    mutating func releaseEarly() -> [LiveEvent] {
        let events = early.values.sorted { $0.sequence < $1.sequence }
        early.removeAll()
        if let last = events.last { expected = last.sequence + 1 }
        return events
    }

    /// Queues `event` for every live subscriber (buffers it for those still replaying). Returns
    /// the streams whose facilitator session expired: they are demoted here and must be closed.
    mutating func deliver(_ event: LiveEvent, now: Double) -> [any EventStreamSink] {
        lastDelivered = max(lastDelivered, event.sequence)
        var expired: [any EventStreamSink] = []
        for key in Array(subscribers.keys) {
            guard var subscriber = subscribers[key] else { continue }
            if subscriber.facilitator, let until = subscriber.privilegedUntil, now >= until {
                subscriber.facilitator = false
                expired.append(subscriber.stream)
            }
            if subscriber.buffered != nil {
                subscriber.buffered?.append(event)
            } else {
                outbox.append(LiveDelivery(stream: subscriber.stream, facilitator: subscriber.facilitator, message: .event(event)))
                subscriber.lastSent = event.sequence
            }
            subscribers[key] = subscriber
        }
        return expired
    }

    /// Marks the outbox as being sent by the caller if nobody is; true when the caller must drain.
    mutating func claimDrain() -> Bool {
        guard !draining, !outbox.isEmpty else { return false }
        draining = true
        return true
    }

    private mutating func drainEarly() -> [LiveEvent] {
        var events: [LiveEvent] = []
        while let next = expected, let event = early.removeValue(forKey: next) {
            events.append(event)
            expected = next + 1
        }
        return events
    }
}
