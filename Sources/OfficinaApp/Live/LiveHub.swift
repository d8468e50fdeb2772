import Foundation
import OfficinaHTTP

/// Fans a workshop's live events out to its open server-sent event streams (WHATWG HTML
/// §9.2), in sequence order, and pushes tallies coalesced to at most `maxTalliesPerSecond`
/// per workshop however many ballots arrive.
///
/// A stream that reconnects with `Last-Event-ID` first gets what it missed from the event
/// log (or a fresh `workshop` snapshot when the gap is too old), then a fresh `tally`,
/// then live events; events published meanwhile are buffered so none fall between.
public final class LiveHub: Sendable {
    struct State {
        var channels: [Int64: LiveChannel] = [:]
        var nextID = 0
        var closed = false
    }

    let source: any LiveSource
    let tallyInterval: Double
    let replayLimit: Int
    private let state = Protected(State())

    /// Heartbeats (`: ping` every 15 s) are the server's (`ServerConfiguration.sseHeartbeat`).
    public init(source: any LiveSource, maxTalliesPerSecond: Double = 4, replayLimit: Int = 500) {
        self.source = source
        tallyInterval = 1 / maxTalliesPerSecond
        self.replayLimit = replayLimit
    }

    /// The number of open streams, for `/metrics`.
    public var openStreams: Int {
        state.withLock { $0.channels.values.reduce(0) { $0 + $1.subscribers.count } }
    }

    /// Starts serving `stream` for a workshop. `lastEventID` is the client's `Last-Event-ID`.
    public func attach(_ stream: any EventStream, workshopID: Int64, facilitator: Bool, lastEventID: Int64?, baseURL: String) {
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            let subscriber = LiveChannel.Subscriber(stream: stream, facilitator: facilitator, buffered: [], lastSent: lastEventID ?? 0)
            state.channels[workshopID, default: LiveChannel()].subscribers[state.nextID] = subscriber
            return state.nextID
        }
        guard let id else {
            stream.close()
            return
        }
        stream.onClose { [weak self] in self?.detach(id, workshopID: workshopID) }
        Task {
            await self.replay(id, workshopID: workshopID, facilitator: facilitator, after: lastEventID, baseURL: baseURL, stream: stream)
        }
    }

    private func replay(
        _ id: Int, workshopID: Int64, facilitator: Bool, after lastEventID: Int64?, baseURL: String, stream: any EventStream
    ) async {
        var lastSent = await source.lastSequence(workshopID: workshopID)
        if let lastEventID, lastEventID < lastSent {
            if let missed = await source.events(workshopID: workshopID, after: lastEventID, limit: replayLimit),
               missed.count < replayLimit {
                for event in missed { stream.send(event, facilitator: facilitator) }
                lastSent = missed.last?.sequence ?? lastSent
            } else if let snapshot = await source.workshopSnapshot(workshopID: workshopID, baseURL: baseURL) {
                stream.send(snapshot, facilitator: facilitator)
                lastSent = snapshot.sequence
            }
        }
        if let tally = await source.tallies(workshopID: workshopID) {
            stream.send(event: "tally", data: tally.json(forFacilitator: facilitator).text, id: String(lastSent))
        }
        state.withLock { state in
            guard var subscriber = state.channels[workshopID]?.subscribers[id] else { return }
            for event in subscriber.buffered ?? [] where event.sequence > lastSent {
                subscriber.stream.send(event, facilitator: facilitator)
                lastSent = event.sequence
            }
            subscriber.buffered = nil
            subscriber.lastSent = lastSent
            state.channels[workshopID]?.subscribers[id] = subscriber
        }
    }

    private func detach(_ id: Int, workshopID: Int64) {
        state.withLock { state in
            state.channels[workshopID]?.subscribers[id] = nil
            if state.channels[workshopID]?.subscribers.isEmpty == true { state.channels[workshopID] = nil }
        }
    }

    /// Delivers a persisted event to the workshop's streams.
    public func publish(_ event: LiveEvent, workshopID: Int64) {
        state.withLock { state in
            guard var channel = state.channels[workshopID] else { return }
            for event in channel.accept(event) { Self.deliver(event, in: &channel) }
            state.channels[workshopID] = channel
        }
    }

    private static func deliver(_ event: LiveEvent, in channel: inout LiveChannel) {
        channel.lastDelivered = max(channel.lastDelivered, event.sequence)
        for (key, var subscriber) in channel.subscribers {
            if subscriber.buffered != nil {
                subscriber.buffered?.append(event)
            } else {
                subscriber.stream.send(event, facilitator: subscriber.facilitator)
                subscriber.lastSent = event.sequence
            }
            channel.subscribers[key] = subscriber
        }
    }

    /// Notes that a workshop's tallies changed; a `tally` event follows within `tallyInterval`.
    public func talliesChanged(workshopID: Int64) {
        let delay: Double? = state.withLock { state in
            guard var channel = state.channels[workshopID], !channel.tallyScheduled else { return nil }
            channel.tallyScheduled = true
            state.channels[workshopID] = channel
            let now = Date().timeIntervalSinceReferenceDate
            return max(0, channel.lastTallyAt + tallyInterval - now)
        }
        guard let delay else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
            Task { await self.pushTallies(workshopID: workshopID) }
        }
    }

    private func pushTallies(workshopID: Int64) async {
        state.withLock { state in
            state.channels[workshopID]?.tallyScheduled = false
            state.channels[workshopID]?.lastTallyAt = Date().timeIntervalSinceReferenceDate
        }
        guard let tally = await source.tallies(workshopID: workshopID) else { return }
        let full = tally.json(forFacilitator: true).text
        let open = tally.json(forFacilitator: false).text
        state.withLock { state in
            guard let channel = state.channels[workshopID] else { return }
            for subscriber in channel.subscribers.values where subscriber.buffered == nil {
                subscriber.stream.send(event: "tally", data: subscriber.facilitator ? full : open, id: String(subscriber.lastSent))
            }
        }
    }

    /// Ends every stream (graceful shutdown) and refuses new ones.
    public func closeAll() {
        let streams = state.withLock { state in
            state.closed = true
            return state.channels.values.flatMap { $0.subscribers.values.map(\.stream) }
        }
        for stream in streams { stream.close() }
    }
}
