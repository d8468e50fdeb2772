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
        // random order; ties (with no jitter) go to fewer ratings, then the random order. Unseen ones
        // first and, when focusing, contending ones first among them: both folded into `group`.
        let spread = jitter.isFinite ? max(jitter, 0) : 0
        let count = random.count
        let focusing = random.allSatisfy { $0.raters >= focusFloor } && random.contains { $0.contending }
        var keys: [ArrangeKey] = []
        keys.reserveCapacity(count)
        var total = 0
        for (index, candidate) in random.enumerated() {
            let group = (candidate.seenByViewer ? 2 : 0) + (focusing && !candidate.contending ? 1 : 0)
            keys.append(ArrangeKey(group: group, key: Double(candidate.raters) + spread * Double(index) / Double(count),
                                   ratings: candidate.ratings, index: index))
            total += candidate.raters
        }
        keys.sort()
        // "Fewer raters than average" is compared on integers: raters · count < total. The group shown
        // as needing eyes leads the list, so the page can head it as one group.
        var needing: [Int64] = []
        for key in keys where needing.count < needsEyesLimit {
            let candidate = random[key.index]
            if !candidate.seenByViewer, focusing ? candidate.contending : candidate.raters * count < total {
                needing.append(candidate.id)
            }
        }
        var ids = needing
        ids.reserveCapacity(count)
        for key in keys {
            let id = random[key.index].id
            if !needing.contains(id) { ids.append(id) }
        }
        return ExposureOrder(ids: ids, needsEyes: needing)
    }

    /// One candidate's place in a balanced order, compared field by field: its group (unseen before
    /// seen; contending first when focusing), its key, its ratings, its place in the random order.
    private struct ArrangeKey: Comparable {
        let group: Int
        let key: Double
        let ratings: Int
        let index: Int

        static func < (a: ArrangeKey, b: ArrangeKey) -> Bool {
            if a.group != b.group { return a.group < b.group }
            if a.key != b.key { return a.key < b.key }
            if a.ratings != b.ratings { return a.ratings < b.ratings }
            return a.index < b.index
        }
    }
}
