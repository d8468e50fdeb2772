import Foundation
import OfficinaStore

/// Several instances on one PostgreSQL database: every committed event is announced by the
/// database to every instance (`e:<workshop>`, LISTEN/NOTIFY), and each instance reads the new
/// events from the store and sends them to its own streams. Events then take one path only, in
/// the order of their sequence numbers, whichever instance wrote them; tallies are announced
/// (`t:<workshop>`) and coalesced as local ones are.
extension LiveHub {
    /// Switches the hub to events announced by the database (``publish(_:workshopID:)`` then
    /// does nothing: the instance's own events come back through the announcement too).
    public func deliverEventsFromStore() {
        state.withLock { $0.eventsFromStore = true }
    }

    /// Handles one announcement: `e:<id>`, `t:<id>`, or the listener's "may have missed some".
    public func instanceAnnounced(_ payload: String) {
        if payload == PostgresListener.resyncPayload {
            let workshops = state.withLock { Array($0.channels.keys) }
            for workshopID in workshops {
                Task { await eventsAnnounced(workshopID: workshopID) }
                talliesChanged(workshopID: workshopID)
            }
            return
        }
        let parts = payload.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let workshopID = Int64(parts[1]) else { return }
        switch parts[0] {
        case "e": Task { await eventsAnnounced(workshopID: workshopID) }
        case "t": talliesChanged(workshopID: workshopID)
        default: break
        }
    }

    /// Reads the workshop's events after those already sent here and delivers them, each once.
    func eventsAnnounced(workshopID: Int64) async {
        // Nothing to do without a stream of this workshop on this instance.
        guard let floor = state.withLock({ state -> Int64? in
            guard let channel = state.channels[workshopID] else { return nil }
            let sent = channel.subscribers.values.map(\.lastSent).min() ?? 0
            return max(channel.lastDelivered, sent)
        }) else { return }
        guard let events = await source.events(workshopID: workshopID, after: floor, limit: replayLimit), !events.isEmpty else { return }
        let drain = state.withLock { state -> Bool in
            state.withChannel(workshopID) { channel -> Bool in
                for event in events where event.sequence > channel.lastDelivered {
                    channel.lastDelivered = event.sequence
                    for key in Array(channel.subscribers.keys) {
                        guard var subscriber = channel.subscribers[key] else { continue }
                        if subscriber.buffered != nil {
                            // Still replaying: the replay sends what is newer than what it read.
                            subscriber.buffered?.append(event)
                        } else if event.sequence > subscriber.lastSent {
                            channel.outbox.append(LiveDelivery(stream: subscriber.stream, facilitator: subscriber.facilitator, message: .event(event)))
                            subscriber.lastSent = event.sequence
                        }
                        channel.subscribers[key] = subscriber
                    }
                }
                return channel.claimDrain()
            } ?? false
        }
        if drain { self.drain(workshopID) }
    }
}
