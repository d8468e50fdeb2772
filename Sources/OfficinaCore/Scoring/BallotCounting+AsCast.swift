extension BallotCounting {
    /// Whether `cast` counts exactly as cast: every proposal it names is visible, merged into nothing
    /// and not the voter's own (while self-support is off), and all its support lies in 1…cap with
    /// no empty rating entry. Then ``count(_:)`` gives the cast ballot back with no notice, and a
    /// reader counting a whole workshop (a cold start reads 100,000 ballots) can skip building it again.
    /// A few dictionary look-ups per named proposal; no allocation.
    public func countsAsCast(_ cast: Ballot) -> Bool {
        Self.countsAsCast(cast, cap: cap) { countsAsNamed($0, for: cast.participantID) }
    }

    /// The test both forms share: support in 1…cap, no empty rating entry, and every named proposal
    /// passing `countsAsNamed`.
    @inline(__always)
    fileprivate static func countsAsCast(_ cast: Ballot, cap: Int, _ countsAsNamed: (Int64) -> Bool) -> Bool {
        for (id, dots) in cast.support where dots < 1 || dots > cap || !countsAsNamed(id) { return false }
        for (id, goals) in cast.ratings where goals.isEmpty || !countsAsNamed(id) { return false }
        return true
    }

    /// Whether what `participant` gives proposal `id` counts on `id` itself.
    private func countsAsNamed(_ id: Int64, for participant: Int64) -> Bool {
        targets[id] == nil && (statuses[id] ?? .visible) == .visible && authors[id] != participant
    }
}

extension BallotCounting {
    /// ``countsAsCast(_:)`` for many ballots: each proposal's verdict and author laid out once in
    /// arrays indexed by id, so a ballot costs two array reads per named proposal instead of three
    /// dictionary look-ups. Ids outside the table are unknown to the rule: visible, merged into
    /// nothing, without an author — the same verdict as ``countsAsCast(_:)`` gives them.
    public struct AsCastTable: Sendable {
        private let base: Int64
        /// Visible and merged into nothing, per id from `base`.
        private let clean: [Bool]
        /// The author per id from `base`, or `Int64.min` when none is known.
        private let authors: [Int64]
        private let cap: Int

        /// The table for `counting`, or nil when its proposal ids spread too widely to lay out
        /// (more than a million apart); then ask `counting.countsAsCast(_:)` itself.
        public init?(_ counting: BallotCounting) {
            let ids = Set(counting.statuses.keys).union(counting.targets.keys).union(counting.authors.keys)
            cap = counting.cap
            guard let low = ids.min(), let high = ids.max() else {
                (base, clean, authors) = (0, [], [])
                return
            }
            guard high - low < 1_000_000 else { return nil }
            base = low
            var clean = [Bool](repeating: true, count: Int(high - low) + 1)
            var authors = [Int64](repeating: .min, count: clean.count)
            for id in ids {
                let at = Int(id - low)
                clean[at] = counting.targets[id] == nil && (counting.statuses[id] ?? .visible) == .visible
                authors[at] = counting.authors[id] ?? .min
            }
            self.clean = clean
            self.authors = authors
        }

        /// The same answer as ``BallotCounting/countsAsCast(_:)`` for the rule the table was made from.
        public func countsAsCast(_ cast: Ballot) -> Bool {
            BallotCounting.countsAsCast(cast, cap: cap) { countsAsNamed($0, for: cast.participantID) }
        }

        private func countsAsNamed(_ id: Int64, for participant: Int64) -> Bool {
            let offset = id &- base
            guard offset >= 0, offset < Int64(clean.count) else { return true }
            return clean[Int(offset)] && authors[Int(offset)] != participant
        }
    }
}
