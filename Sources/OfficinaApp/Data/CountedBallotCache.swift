import OfficinaCore
import OfficinaStore

/// Each workshop's ballots kept in memory between rankings, as cast and as counted, so a ranking
/// after a write re-reads only the ballots that changed instead of every ballot's rows.
///
/// Every use lists the workshop's ballots with their revisions ("19-ballot-revisions": one row per
/// ballot, no support or ratings) in the caller's read transaction, and compares: a ballot whose
/// revision differs, or that is new, is read again; one no longer listed is dropped. The writer sets
/// a fresh random revision on every rewrite, on this instance or another, so nothing has to tell the
/// cache about a write, and deletions by cascade (participant, workshop) show as missing rows. The
/// counted ballots are kept for one counting rule (statuses, authors, cap): a merge, hide or settings
/// change counts the cast ballots in memory again, without reading them.
///
/// Memory: about 100 bytes per ballot plus about 60 per support or rating row it holds, counted
/// ballots equal to the cast ones share their storage (docs/architecture.md, "Ballot cache"). At most
/// ``capacity`` workshops and ``maximumBallots`` ballots in all are kept, the least recently used
/// workshop goes first, and a workshop with more than ``maximumBallots`` ballots is not kept at all
/// (read whole each time, as before).
final class CountedBallotCache: Sendable {
    private struct Entry {
        var revisions: [Int64: BallotRepository.Revision]
        /// The voters by ascending participant id; `cast` and `counted` are in the same order, so a
        /// ranking gets `counted` as it is kept (shared, not copied or sorted).
        var voters: [Int64]
        var position: [Int64: Int]
        var cast: [Ballot]
        var rule: BallotCounting
        var counted: [Ballot]
        var lastUse: Int

        init(revisions: [Int64: BallotRepository.Revision], cast: [Ballot], counting: BallotCounting) {
            self.revisions = revisions
            self.cast = cast.sorted { $0.participantID < $1.participantID }
            voters = self.cast.map(\.participantID)
            position = Dictionary(uniqueKeysWithValues: voters.enumerated().map { ($1, $0) })
            rule = counting
            counted = self.cast.map { CountedBallotCache.count($0, by: counting) }
            lastUse = 0
        }
    }

    let capacity: Int
    let maximumBallots: Int
    private let state = Protected((entries: [Int64: Entry](), uses: 0))

    init(capacity: Int = 8, maximumBallots: Int = 150_000) {
        self.capacity = max(1, capacity)
        self.maximumBallots = maximumBallots
    }

    /// The workshop's ballots counted by `counting`, one per participant, by ascending participant id:
    /// the same as `db.ballots.all(workshopID:).map { counting.count($0).ballot }` in `db`'s snapshot.
    ///
    /// Concurrent rankings each bring their own copy of the workshop's entry up to date (its arrays
    /// copied once, on the first change) and keep it; none waits for another or reads every ballot.
    func countedBallots(workshopID: Int64, counting: BallotCounting, in db: any SQLDatabase) throws -> [Ballot] {
        let listed = try db.ballots.revisions(workshopID: workshopID)
        guard listed.count <= maximumBallots else {
            state.withLock { _ = $0.entries.removeValue(forKey: workshopID) }
            return try db.ballots.all(workshopID: workshopID).map { counting.count($0).ballot }
        }
        var entry: Entry
        if var previous = state.withLock({ $0.entries[workshopID] }) {
            try bringUpToDate(&previous, listed: listed, counting: counting, in: db)
            entry = previous
        } else {
            entry = Entry(revisions: listed, cast: try db.ballots.all(workshopID: workshopID), counting: counting)
        }
        let counted = entry.counted
        keep(entry, for: workshopID)
        return counted
    }

    /// Re-reads the ballots whose revision changed, adds new voters' and drops those no longer listed,
    /// and counts again by `counting` what needs it.
    private func bringUpToDate(
        _ entry: inout Entry, listed: [Int64: BallotRepository.Revision], counting: BallotCounting, in db: any SQLDatabase
    ) throws {
        var stale: [Int64] = []
        var staleVoters: [Int64] = []
        for (participant, revision) in listed where entry.revisions[participant] != revision {
            stale.append(revision.ballotID)
            staleVoters.append(participant)
        }
        let fresh = try db.ballots.ballots(ids: stale)
        let sameRule = Self.same(entry.rule, counting)
        var added = 0
        for participant in staleVoters {
            let ballot = fresh[participant] ?? Ballot(participantID: participant)
            guard let at = entry.position[participant] else {
                entry.cast.append(ballot)
                entry.counted.append(ballot)
                added += 1
                continue
            }
            entry.cast[at] = ballot
            if sameRule { entry.counted[at] = Self.count(ballot, by: counting) }
        }
        // Every listed voter is now in `cast`; more there than listed means some are gone.
        if added > 0 || entry.revisions.count + added > listed.count {
            // Voters came or went: the order is laid out again (the rule counts every ballot below).
            let kept = entry.cast.filter { listed[$0.participantID] != nil }
            entry = Entry(revisions: listed, cast: kept, counting: counting)
            return
        }
        if !sameRule {
            entry.counted = entry.cast.map { Self.count($0, by: counting) }
            entry.rule = counting
        }
        entry.revisions = listed
    }

    private func keep(_ entry: Entry, for workshopID: Int64) {
        state.withLock { state in
            state.uses += 1
            var entry = entry
            entry.lastUse = state.uses
            state.entries[workshopID] = entry
            // Least recently used first, until both bounds hold; the entry just kept stays.
            var total = state.entries.values.reduce(0) { $0 + $1.revisions.count }
            while state.entries.count > capacity || total > maximumBallots,
                  let oldest = state.entries.filter({ $0.key != workshopID }).min(by: { $0.value.lastUse < $1.value.lastUse }) {
                total -= oldest.value.revisions.count
                state.entries[oldest.key] = nil
            }
        }
    }

    /// The ballot as it counts; the cast value itself (its storage shared) when counting changes nothing.
    fileprivate static func count(_ ballot: Ballot, by counting: BallotCounting) -> Ballot {
        guard !counting.countsAsCast(ballot) else { return ballot }
        let counted = counting.count(ballot).ballot
        return counted == ballot ? ballot : counted
    }

    /// Whether two rules count every ballot alike (the merge targets follow from the statuses).
    private static func same(_ a: BallotCounting, _ b: BallotCounting) -> Bool {
        a.cap == b.cap && a.statuses == b.statuses && a.authors == b.authors
    }
}
