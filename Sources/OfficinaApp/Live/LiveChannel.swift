/// The live state of one workshop inside the hub: its subscribers, the order events are
/// delivered in, and when tallies were last pushed. Only touched under the hub's lock.
struct LiveChannel {
    struct Subscriber {
        let stream: any EventStreamSink
        let facilitator: Bool
        /// Events published while the subscriber's replay is still running.
        var buffered: [LiveEvent]?
        var lastSent: Int64
    }

    var subscribers: [Int: Subscriber] = [:]
    /// The next sequence number expected; events that arrive early wait in `early`.
    var expected: Int64?
    var early: [Int64: LiveEvent] = [:]
    var lastDelivered: Int64 = 0
    var lastTallyAt: Double = -1_000
    var tallyScheduled = false

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

    private mutating func drainEarly() -> [LiveEvent] {
        var events: [LiveEvent] = []
        while let next = expected, let event = early.removeValue(forKey: next) {
            events.append(event)
            expected = next + 1
        }
        return events
    }
}
