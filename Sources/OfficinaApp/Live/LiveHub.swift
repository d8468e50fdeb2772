import Foundation
import OfficinaHTTP

/// Fans a workshop's live events out to its open server-sent event streams (WHATWG HTML
/// §9.2), in sequence order, and pushes tallies coalesced to at most `maxTalliesPerSecond`
/// per workshop however many ballots arrive.
///
/// A stream that reconnects with `Last-Event-ID` first gets what it missed from the event
/// log (or a fresh `workshop` snapshot when the gap is too old), then a fresh `tally`,
/// then live events; events published meanwhile are buffered so none fall between.
///
/// The hub's lock guards only its own state: it is never held while sending, closing a stream
/// or reading the store (docs/architecture.md, "Locks"). Under the lock a publisher decides who
/// gets what and appends it to the channel's outbox; one thread at a time then sends the outbox
/// with the lock released, which keeps every stream's order without holding the lock.
public final class LiveHub: Sendable {
    struct State {
        var channels: [Int64: LiveChannel] = [:]
        var nextID = 0
        var closed = false
        /// Several instances share the database: events reach streams from the store, announced
        /// by the database (``LiveHub/eventsAnnounced(workshopID:)``), not from ``LiveHub/publish(_:workshopID:)``.
        var eventsFromStore = false

        /// Runs `body` on a workshop's channel in place (taken out of the dictionary meanwhile, so
        /// changing it copies nothing); nil when the workshop has no channel.
        mutating func withChannel<Result>(_ workshopID: Int64, _ body: (inout LiveChannel) -> Result) -> Result? {
            guard var channel = channels.removeValue(forKey: workshopID) else { return nil }
            defer { channels[workshopID] = channel }
            return body(&channel)
        }
    }

    let source: any LiveSource
    let tallyInterval: Double
    /// How long a first change waits for the ones right behind it: a room voting at a signal sends
    /// its ballots within tens of milliseconds, and one tally carrying them all reaches every
    /// screen sooner than a tally of the first ballot (a fan-out to every stream while the rest are
    /// still being written) followed by another a whole interval later.
    static let tallyGather = 0.05
    let replayLimit: Int
    let state = Protected(State())
    /// The last tally's text per workshop, so streams opening at once share one encoding.
    private let tallyTexts = TallyTexts()

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

    /// Where a stream opened now starts: the workshop's last event. A route reads it before
    /// answering, and a stream without `Last-Event-ID` resumes from it: the client sees the
    /// stream open when the response's head arrives, before the stream joins the hub, and an
    /// event published in between is then replayed instead of lost.
    public func position(workshopID: Int64) async -> Int64 {
        await source.lastSequence(workshopID: workshopID)
    }

    /// Starts serving `stream` for a workshop. `lastEventID` is the client's `Last-Event-ID`.
    /// A facilitator's stream names its `session` (the token's digest) and when it expires: the
    /// stream is closed when the session ends (``endSession(_:)``) or expires.
    ///
    /// Returns once the stream has had its replay and first tally and is live. The replay reads
    /// the store on the caller's executor: the server's handler threads, where a stream's `open`
    /// runs, never Swift's shared pool (thousands of streams opening at once would fill it with
    /// blocking reads).
    public func attach(
        _ stream: any EventStream, workshopID: Int64, facilitator: Bool, session: String? = nil, expires: Date? = nil,
        lastEventID: Int64?, baseURL: String
    ) async {
        let until = facilitator ? expires?.timeIntervalSinceReferenceDate : nil
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            state.nextID += 1
            let subscriber = LiveChannel.Subscriber(
                stream: stream, facilitator: facilitator, session: facilitator ? session : nil, privilegedUntil: until,
                buffered: [], lastSent: lastEventID ?? 0)
            state.channels[workshopID, default: LiveChannel()].subscribers[state.nextID] = subscriber
            return state.nextID
        }
        guard let id else {
            stream.close()
            return
        }
        stream.onClose { [weak self] in self?.detach(id, workshopID: workshopID) }
        if let until {
            let delay = max(0, until - Date().timeIntervalSinceReferenceDate)
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [weak self] in
                self?.expire(id, workshopID: workshopID)
            }
        }
        await replay(id, workshopID: workshopID, facilitator: facilitator, after: lastEventID, baseURL: baseURL, stream: stream)
    }

    /// Sends a new stream what it missed and a first tally, then turns it live. Until then the
    /// stream is this function's alone (publishers buffer for it), so it sends directly.
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
            let texts = tallyTexts.texts(tally, workshopID: workshopID)
            stream.send(event: "tally", data: facilitator ? texts.full : texts.open, id: String(lastSent))
        }
        let drain = state.withLock { state -> Bool in
            state.withChannel(workshopID) { channel -> Bool in
                guard var subscriber = channel.subscribers[id] else { return false }
                for event in subscriber.buffered ?? [] where event.sequence > lastSent {
                    channel.outbox.append(LiveDelivery(stream: subscriber.stream, facilitator: subscriber.facilitator, message: .event(event)))
                    lastSent = event.sequence
                }
                subscriber.buffered = nil
                subscriber.lastSent = lastSent
                channel.subscribers[id] = subscriber
                return channel.claimDrain()
            } ?? false
        }
        if drain { self.drain(workshopID) }
    }

    private func detach(_ id: Int, workshopID: Int64) {
        state.withLock { state in
            state.channels[workshopID]?.subscribers[id] = nil
            Self.forgetIfUnused(workshopID, in: &state)
        }
    }

    /// Drops a channel with no subscriber, unless a thread is still sending its outbox.
    private static func forgetIfUnused(_ workshopID: Int64, in state: inout State) {
        guard let channel = state.channels[workshopID], channel.subscribers.isEmpty, !channel.draining else { return }
        state.channels[workshopID] = nil
    }

    /// Delivers a persisted event to the workshop's streams.
    public func publish(_ event: LiveEvent, workshopID: Int64) {
        if state.withLock({ $0.eventsFromStore }) { return }
        let now = Date().timeIntervalSinceReferenceDate
        let (drain, expired) = state.withLock { state -> (Bool, [any EventStreamSink]) in
            state.withChannel(workshopID) { channel -> (Bool, [any EventStreamSink]) in
                var expired: [any EventStreamSink] = []
                for event in channel.accept(event) { expired += channel.deliver(event, now: now) }
                return (channel.claimDrain(), expired)
            } ?? (false, [])
        }
        for stream in expired { stream.close() }
        if drain { self.drain(workshopID) }
    }

    /// Sends the channel's outbox with the lock released, batch after batch, until it is empty.
    /// Only the thread that claimed the drain runs this for a channel, so each stream receives
    /// its messages in the order they were decided.
    func drain(_ workshopID: Int64) {
        while true {
            let batch = state.withLock { state -> [LiveDelivery] in
                let batch = state.withChannel(workshopID) { channel -> [LiveDelivery] in
                    defer { channel.outbox = [] }
                    if channel.outbox.isEmpty { channel.draining = false }
                    return channel.outbox
                } ?? []
                if batch.isEmpty { Self.forgetIfUnused(workshopID, in: &state) }
                return batch
            }
            if batch.isEmpty { return }
            Self.send(batch)
        }
    }

    /// Sends a batch, framing each event once per audience (and each tally once per audience and
    /// id) rather than once per stream: every stream that gets it is handed the same bytes.
    private static func send(_ batch: [LiveDelivery]) {
        var frames = LiveFrames()
        for delivery in batch {
            delivery.stream.send(frames.frame(delivery.message, facilitator: delivery.facilitator))
        }
    }

    /// Notes that a workshop's tallies changed; a `tally` event follows after `tallyGather`, or
    /// `tallyInterval` after the last one if that is later.
    public func talliesChanged(workshopID: Int64) {
        let now = Date().timeIntervalSinceReferenceDate
        let delay: Double? = state.withLock { state in
            state.withChannel(workshopID) { channel -> Double? in
                guard !channel.tallyScheduled else { return nil }
                channel.tallyScheduled = true
                return Self.tallyDelay(lastTallyAt: channel.lastTallyAt, now: now, interval: tallyInterval)
            } ?? nil
        }
        guard let delay else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
            Task { await self.pushTallies(workshopID: workshopID) }
        }
    }

    /// Seconds until the tally of a change made at `now`: at least `tallyGather`, and never sooner
    /// than `interval` after the last tally (`lastTallyAt`), so at most 1/`interval` a second.
    static func tallyDelay(lastTallyAt: Double, now: Double, interval: Double) -> Double {
        max(tallyGather, lastTallyAt + interval - now)
    }

    private func pushTallies(workshopID: Int64) async {
        state.withLock { state in
            state.channels[workshopID]?.tallyScheduled = false
            state.channels[workshopID]?.lastTallyAt = Date().timeIntervalSinceReferenceDate
        }
        guard let tally = await source.tallies(workshopID: workshopID) else { return }
        let (full, open) = tallyTexts.texts(tally, workshopID: workshopID)
        let drain = state.withLock { state -> Bool in
            state.withChannel(workshopID) { channel -> Bool in
                for subscriber in channel.subscribers.values where subscriber.buffered == nil {
                    channel.outbox.append(LiveDelivery(
                        stream: subscriber.stream, facilitator: subscriber.facilitator,
                        message: .tally(full: full, open: open, id: subscriber.lastSent)))
                }
                return channel.claimDrain()
            } ?? false
        }
        if drain { self.drain(workshopID) }
    }

    /// Ends the live streams a facilitator session opened (logout): they lose their privilege at
    /// once and are closed; the browser reconnects with whatever cookie it still holds.
    public func endSession(_ session: String) {
        let streams = state.withLock { state -> [any EventStreamSink] in
            var found: [any EventStreamSink] = []
            for (workshopID, channel) in state.channels {
                for (id, subscriber) in channel.subscribers where subscriber.session == session {
                    state.channels[workshopID]?.subscribers[id]?.facilitator = false
                    state.channels[workshopID]?.subscribers[id]?.session = nil
                    found.append(subscriber.stream)
                }
            }
            return found
        }
        for stream in streams { stream.close() }
    }

    /// The facilitator session of stream `id` has expired: demote and close it.
    private func expire(_ id: Int, workshopID: Int64) {
        let stream = state.withLock { state -> (any EventStreamSink)? in
            guard let subscriber = state.channels[workshopID]?.subscribers[id], subscriber.facilitator else { return nil }
            state.channels[workshopID]?.subscribers[id]?.facilitator = false
            return subscriber.stream
        }
        stream?.close()
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
