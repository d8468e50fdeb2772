import Foundation
import OfficinaCore
import OfficinaStore

/// Each workshop's ballots kept in memory between rankings, as cast and as counted, so a ranking
/// after a write re-reads only the ballots that changed instead of every ballot.
///
/// Every use lists the workshop's ballots with their revisions ("19-ballot-revisions": one row per
/// ballot, no support or ratings) in the caller's read transaction, and compares: a ballot whose
/// revision differs, or that is new, is read again; one no longer listed is dropped. The writer sets
/// a fresh random revision on every rewrite, on this instance or another, so nothing has to tell the
/// cache about a write, and deletions by cascade (participant, workshop) show as missing rows. The
/// counted ballots are kept for one counting rule (statuses, authors, cap): a merge, hide or settings
/// change counts the cast ballots in memory again, without reading them.
///
/// A workshop not in memory is read whole with its revisions in one pass (on SQLite one `ballots`
/// row per ballot, its content packed on it: ``BallotContent``).
///
/// Memory: about 100 bytes per ballot plus about 60 per support or rating row it holds, counted
/// ballots equal to the cast ones share their storage (docs/architecture.md, "Ballot cache"). At most
/// ``capacity`` workshops and ``maximumBallots`` ballots in all are kept, the least recently used
/// workshop goes first, and a workshop with more than ``maximumBallots`` ballots is not kept at all
/// (read whole each time, as before).
final class CountedBallotCache: Sendable {
    private struct Entry {
        /// The voters by ascending participant id; `revisions`, `cast` and `counted` are in the same
        /// order, so a ranking gets `counted` as it is kept (shared, not copied or sorted).
        var voters: [Int64]
        var revisions: [BallotRepository.Revision]
        var cast: [Ballot]
        var rule: BallotCounting
        var counted: [Ballot]
        var lastUse: Int

        /// `listed` must be by ascending participant, as ``BallotRepository/listed(workshopID:)`` gives it.
        init(_ listed: BallotRepository.Listed, counting: BallotCounting) {
            revisions = listed.revisions
            cast = listed.ballots
            voters = cast.map(\.participantID)
            rule = counting
            counted = CountedBallotCache.count(cast, by: counting)
            lastUse = 0
        }

        /// The voter's position in `voters` (binary search), or nil.
        func position(of participant: Int64) -> Int? {
            var low = 0, high = voters.count
            while low < high {
                let middle = (low + high) / 2
                if voters[middle] < participant { low = middle + 1 } else { high = middle }
            }
            return low < voters.count && voters[low] == participant ? low : nil
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
        guard var entry = state.withLock({ $0.entries[workshopID] }) else {
            let listed = try db.ballots.listed(workshopID: workshopID)
            guard listed.ballots.count <= maximumBallots else { return listed.ballots.map { counting.count($0).ballot } }
            let entry = Entry(listed, counting: counting)
            keep(entry, for: workshopID)
            return entry.counted
        }
        let listed = try db.ballots.revisions(workshopID: workshopID)
        guard listed.count <= maximumBallots else {
            state.withLock { _ = $0.entries.removeValue(forKey: workshopID) }
            return try db.ballots.all(workshopID: workshopID).map { counting.count($0).ballot }
        }
        try bringUpToDate(&entry, listed: listed, counting: counting, in: db)
        keep(entry, for: workshopID)
        return entry.counted
    }

    /// Re-reads the ballots whose revision changed, adds new voters' and drops those no longer listed,
    /// and counts again by `counting` what needs it.
    private func bringUpToDate(
        _ entry: inout Entry, listed: [Int64: BallotRepository.Revision], counting: BallotCounting, in db: any SQLDatabase
    ) throws {
        var stale: [(participant: Int64, revision: BallotRepository.Revision)] = []
        for (participant, revision) in listed {
            if let at = entry.position(of: participant), entry.revisions[at] == revision { continue }
            stale.append((participant, revision))
        }
        let fresh = try db.ballots.ballots(ids: stale.map(\.revision.ballotID))
        let sameRule = Self.same(entry.rule, counting)
        var added: [Ballot] = []
        for (participant, revision) in stale {
            let ballot = fresh[participant] ?? Ballot(participantID: participant)
            guard let at = entry.position(of: participant) else {
                added.append(ballot)
                continue
            }
            entry.cast[at] = ballot
            entry.revisions[at] = revision
            if sameRule { entry.counted[at] = Self.count(ballot, by: counting) }
        }
        // Every listed voter is now in `cast` or `added`; more than listed means some are gone.
        if !added.isEmpty || entry.voters.count + added.count > listed.count {
            // Voters came or went: the order is laid out again (the rule counts every ballot below).
            let kept = (entry.cast + added).filter { listed[$0.participantID] != nil }.sorted { $0.participantID < $1.participantID }
            entry = Entry(BallotRepository.Listed(ballots: kept, revisions: kept.compactMap { listed[$0.participantID] }), counting: counting)
            return
        }
        if !sameRule {
            entry.counted = Self.count(entry.cast, by: counting)
            entry.rule = counting
        }
    }

    private func keep(_ entry: Entry, for workshopID: Int64) {
        state.withLock { state in
            state.uses += 1
            var entry = entry
            entry.lastUse = state.uses
            state.entries[workshopID] = entry
            // Least recently used first, until both bounds hold; the entry just kept stays.
            var total = state.entries.values.reduce(0) { $0 + $1.voters.count }
            while state.entries.count > capacity || total > maximumBallots,
                  let oldest = state.entries.filter({ $0.key != workshopID }).min(by: { $0.value.lastUse < $1.value.lastUse }) {
                total -= oldest.value.voters.count
                state.entries[oldest.key] = nil
            }
        }
    }

    /// Every ballot as it counts, in order; shared among the cores from 20,000 ballots.
    fileprivate static func count(_ cast: [Ballot], by counting: BallotCounting) -> [Ballot] {
        let table = BallotCounting.AsCastTable(counting)
        let lanes = Lanes.count(items: cast.count, perLane: 20_000)
        guard lanes > 1 else { return cast.map { count($0, by: counting, table: table) } }
        return Lanes.map(lanes) { lane in
            cast[Lanes.share(lane, of: lanes, count: cast.count)].map { count($0, by: counting, table: table) }
        }.flatMap { $0 }
    }

    /// The ballot as it counts; the cast value itself (its storage shared) when counting changes nothing.
    fileprivate static func count(_ ballot: Ballot, by counting: BallotCounting, table: BallotCounting.AsCastTable? = nil) -> Ballot {
        guard !(table?.countsAsCast(ballot) ?? counting.countsAsCast(ballot)) else { return ballot }
        let counted = counting.count(ballot).ballot
        return counted == ballot ? ballot : counted
    }

    /// Whether two rules count every ballot alike (the merge targets follow from the statuses).
    private static func same(_ a: BallotCounting, _ b: BallotCounting) -> Bool {
        a.cap == b.cap && a.statuses == b.statuses && a.authors == b.authors
    }
}
