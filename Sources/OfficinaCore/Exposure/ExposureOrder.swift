/// The order one participant is shown the proposals in, decided by the server.
///
/// *Shuffled*: a uniformly random permutation drawn from the participant's `ExposureStream` (every
/// proposal equally likely at every position). *Balanced* (voting): proposals the viewer has not seen
/// first, then those with the fewest raters (mixing, in the participant's random order, proposals within
/// `jitter` raters of each other), then the fewest ratings (widest intervals); the ones with fewer raters
/// than the average are marked as needing eyes. Once every proposal has ``focusFloor`` raters, the
/// unseen proposals still contending for the top (``ExposureCandidate/contending``) lead instead, and
/// are the ones marked.
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
    /// How many raters of difference a participant's random order may bridge (`compute`'s `jitter`).
    /// A room loads the list together: a wave of W people each looking at V of P proposals adds about
    /// W·V/P raters to each, so strict "fewest first" would send a whole wave to the same few proposals.
    /// Mixing proposals within 2 raters of each other spreads a wave of 10 looking at 10 of 50.
    public static let defaultJitter = 2.0
    /// Raters every proposal gets before a balanced order focuses on the contenders for the top:
    /// what 100 voters looking at 10 of 50 proposals give each, and about where a proposal's interval
    /// becomes narrow enough for its rank range to mean something (benchmarks/quality.md).
    public static let focusFloor = 20

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
        _ candidates: [ExposureCandidate], mode: ExposureMode, stream: inout ExposureStream,
        jitter: Double = defaultJitter
    ) -> ExposureOrder {
        arrange(stream.shuffled(candidates.sorted { $0.id < $1.id }), mode: mode, jitter: jitter)
    }

    /// The order of `random`, the candidates already in the participant's random order (the stream's
    /// shuffle of them sorted by id, as ``compute(_:mode:stream:jitter:)`` draws it). A server that
    /// keeps each participant's permutation (``ExposureStream/permutation(count:)``) orders a list
    /// without drawing again.
    public static func arrange(_ random: [ExposureCandidate], mode: ExposureMode, jitter: Double = defaultJitter) -> ExposureOrder {
        guard mode == .balanced, !random.isEmpty else {
            return ExposureOrder(ids: random.map(\.id), needsEyes: [])
        }
        // Each proposal's key: its raters plus up to `jitter` from its place in the participant's
        // random order; ties (with no jitter) go to fewer ratings, then the random order.
        let spread = jitter.isFinite ? max(jitter, 0) : 0
        let keyed = random.enumerated().map { index, candidate in
            (candidate: candidate, key: Double(candidate.raters) + spread * Double(index) / Double(random.count), index: index)
        }
        let focusing = random.allSatisfy { $0.raters >= focusFloor } && random.contains { $0.contending }
        let ordered = keyed.sorted { a, b in
            if a.candidate.seenByViewer != b.candidate.seenByViewer { return !a.candidate.seenByViewer }
            if focusing, a.candidate.contending != b.candidate.contending { return a.candidate.contending }
            if a.key != b.key { return a.key < b.key }
            if a.candidate.ratings != b.candidate.ratings { return a.candidate.ratings < b.candidate.ratings }
            return a.index < b.index
        }.map(\.candidate)
        // "Fewer raters than average" is compared on integers: raters · count < total.
        let total = random.reduce(0) { $0 + $1.raters }
        // The group shown as needing eyes leads the list, so the page can head it as one group.
        let needing = ordered.filter { !$0.seenByViewer && (focusing ? $0.contending : $0.raters * random.count < total) }
            .prefix(needsEyesLimit).map(\.id)
        let marked = Set(needing)
        return ExposureOrder(ids: needing + ordered.map(\.id).filter { !marked.contains($0) }, needsEyes: needing)
    }
}
