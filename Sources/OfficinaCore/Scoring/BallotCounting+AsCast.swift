extension BallotCounting {
    /// Whether `cast` counts exactly as cast: every proposal it names is visible, merged into nothing
    /// and not the voter's own (while self-support is off), and all its support lies in 1…cap with
    /// no empty rating entry. Then ``count(_:)`` gives the cast ballot back with no notice, and a
    /// reader counting a whole workshop (a cold start reads 100,000 ballots) can skip building it again.
    /// A few dictionary look-ups per named proposal; no allocation.
    public func countsAsCast(_ cast: Ballot) -> Bool {
        for (id, dots) in cast.support where dots < 1 || dots > cap || !countsAsNamed(id, for: cast.participantID) {
            return false
        }
        for (id, goals) in cast.ratings where goals.isEmpty || !countsAsNamed(id, for: cast.participantID) {
            return false
        }
        return true
    }

    /// Whether what `participant` gives proposal `id` counts on `id` itself.
    private func countsAsNamed(_ id: Int64, for participant: Int64) -> Bool {
        targets[id] == nil && (statuses[id] ?? .visible) == .visible && authors[id] != participant
    }
}
