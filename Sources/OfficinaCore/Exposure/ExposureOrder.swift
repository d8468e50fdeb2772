/// The order one participant is shown the proposals in, decided by the server.
///
/// *Shuffled*: a uniformly random permutation drawn from the participant's `ExposureStream` (every
/// proposal equally likely at every position). *Balanced* (voting): proposals the viewer has not seen
/// first, then those with the fewest raters, then the fewest ratings (widest intervals), ties in the
/// participant's random order; the ones with fewer raters than the average are marked as needing eyes.
///
/// ```swift
/// var stream = ExposureStream(secret: secret, context: "ACD347:42")
/// let order = ExposureOrder.compute(candidates, mode: .balanced, stream: &stream)
/// order.ids          // shown in this order
/// order.needsEyes    // the first ones, grouped as "these need your eyes"
/// ```
public struct ExposureOrder: Sendable, Hashable {
    /// Most proposals in the "needs your eyes" group: about what one person rates in a session.
    public static let needsEyesLimit = 10

    /// Every candidate's id, in the order to show.
    public var ids: [Int64]
    /// The leading ids shown as needing the participant's eyes (empty for `shuffled`).
    public var needsEyes: [Int64]

    public init(ids: [Int64], needsEyes: [Int64]) {
        self.ids = ids
        self.needsEyes = needsEyes
    }

    /// The order of `candidates` for one participant. The permutation is drawn over the candidates
    /// sorted by id, so it depends on the stream and the set of proposals, not on the input's order.
    public static func compute(
        _ candidates: [ExposureCandidate], mode: ExposureMode, stream: inout ExposureStream
    ) -> ExposureOrder {
        let random = stream.shuffled(candidates.sorted { $0.id < $1.id })
        guard mode == .balanced, !random.isEmpty else {
            return ExposureOrder(ids: random.map(\.id), needsEyes: [])
        }
        var position: [Int64: Int] = [:]
        for (index, candidate) in random.enumerated() { position[candidate.id] = index }
        let ordered = random.sorted { a, b in
            if a.seenByViewer != b.seenByViewer { return !a.seenByViewer }
            if a.raters != b.raters { return a.raters < b.raters }
            if a.ratings != b.ratings { return a.ratings < b.ratings }
            return position[a.id, default: 0] < position[b.id, default: 0]
        }
        // "Fewer raters than average" is compared on integers: raters · count < total.
        let total = candidates.reduce(0) { $0 + $1.raters }
        let needing = ordered.prefix { !$0.seenByViewer && $0.raters * candidates.count < total }
        return ExposureOrder(ids: ordered.map(\.id), needsEyes: needing.prefix(needsEyesLimit).map(\.id))
    }
}
