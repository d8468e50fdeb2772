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
        var cast: [Int64: Ballot]
        var rule: BallotCounting
        var counted: [Int64: Ballot]
        var lastUse: Int
    }

    let capacity: Int
    let maximumBallots: Int
    private let state = Protected((entries: [Int64: Entry](), uses: 0))

    init(capacity: Int = 8, maximumBallots: Int = 150_000) {
        self.capacity = max(1, capacity)
        self.maximumBallots = maximumBallots
    }

    /// The workshop's ballots counted by `counting`, one per participant, by participant id: the same
    /// as `db.ballots.all(workshopID:).map { counting.count($0).ballot }` in `db`'s snapshot.
    func countedBallots(workshopID: Int64, counting: BallotCounting, in db: any SQLDatabase) throws -> [Ballot] {
        let listed = try db.ballots.revisions(workshopID: workshopID)
        guard listed.count <= maximumBallots else {
            state.withLock { _ = $0.entries.removeValue(forKey: workshopID) }
            return try db.ballots.all(workshopID: workshopID).map { counting.count($0).ballot }
        }
        let cached = state.withLock { $0.entries[workshopID] }
        var entry: Entry
        if var previous = cached {
            var stale: [Int64] = []
            var staleParticipants: [Int64] = []
            for (participant, revision) in listed where previous.revisions[participant] != revision {
                stale.append(revision.ballotID)
                staleParticipants.append(participant)
            }
            var gone: [Int64] = []
            for participant in previous.revisions.keys where listed[participant] == nil { gone.append(participant) }
            let sameRule = Self.same(previous.rule, counting)
            let fresh = try db.ballots.ballots(ids: stale)
            for participant in gone {
                previous.cast[participant] = nil
                previous.counted[participant] = nil
            }
            for participant in staleParticipants {
                let ballot = fresh[participant] ?? Ballot(participantID: participant)
                previous.cast[participant] = ballot
                if sameRule { previous.counted[participant] = Self.count(ballot, by: counting) }
            }
            if !sameRule {
                previous.counted = previous.cast.mapValues { Self.count($0, by: counting) }
                previous.rule = counting
            }
            previous.revisions = listed
            entry = previous
        } else {
            let all = try db.ballots.all(workshopID: workshopID)
            var cast: [Int64: Ballot] = Dictionary(minimumCapacity: all.count)
            var counted: [Int64: Ballot] = Dictionary(minimumCapacity: all.count)
            for ballot in all {
                cast[ballot.participantID] = ballot
                counted[ballot.participantID] = Self.count(ballot, by: counting)
            }
            entry = Entry(revisions: listed, cast: cast, rule: counting, counted: counted, lastUse: 0)
        }
        let counted = entry.counted.values.sorted { $0.participantID < $1.participantID }
        keep(entry, for: workshopID)
        return counted
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
    private static func count(_ ballot: Ballot, by counting: BallotCounting) -> Ballot {
        guard !counting.countsAsCast(ballot) else { return ballot }
        let counted = counting.count(ballot).ballot
        return counted == ballot ? ballot : counted
    }

    /// Whether two rules count every ballot alike (the merge targets follow from the statuses).
    private static func same(_ a: BallotCounting, _ b: BallotCounting) -> Bool {
        a.cap == b.cap && a.statuses == b.statuses && a.authors == b.authors
    }
}
