import OfficinaCore
import OfficinaStore

/// Per workshop, how many participants rated each proposal and how many ratings it received (what
/// `ScoringRepository.ratingCounts` aggregates over every rating row), kept in memory between
/// generations: each use lists the ballots' revisions ("19-ballot-revisions", one row per ballot)
/// and re-reads only the ballots whose revision changed, as `CountedBallotCache` does. A ballot
/// storm makes every proposal list a new generation; this keeps its exposure basis from
/// aggregating every rating row each time.
final class RaterCountCache: Sendable {
    private struct Entry {
        var revisions: [Int64: BallotRepository.Revision]
        /// participant → proposal → ratings their ballot gives it (one per goal rated).
        var rated: [Int64: [Int64: Int]]
        var counts: [Int64: (raters: Int, ratings: Int)]
    }

    /// Most workshops kept; past it the cache starts over.
    let capacity: Int
    private let entries = Protected([Int64: Entry]())

    init(capacity: Int = 8) {
        self.capacity = capacity
    }

    /// Per proposal of the workshop: participants who rated it and ratings it received, as in `db`'s snapshot.
    func counts(workshopID: Int64, in db: any SQLDatabase) throws -> [Int64: (raters: Int, ratings: Int)] {
        let listed = try db.ballots.revisions(workshopID: workshopID)
        var entry = entries.withLock { $0[workshopID] } ?? Entry(revisions: [:], rated: [:], counts: [:])
        var stale: [Int64] = []
        var changed: [Int64] = []
        for (participant, revision) in listed where entry.revisions[participant] != revision {
            stale.append(revision.ballotID)
            changed.append(participant)
        }
        let gone = entry.revisions.keys.filter { listed[$0] == nil }
        guard !stale.isEmpty || !gone.isEmpty else { return entry.counts }
        let fresh = try db.ballots.ballots(ids: stale)
        for participant in gone + changed {
            for (proposal, ratings) in entry.rated[participant] ?? [:] { Self.add(-1, -ratings, to: &entry.counts, proposal) }
            entry.rated[participant] = nil
        }
        for participant in changed {
            var rated: [Int64: Int] = [:]
            for (proposal, goals) in fresh[participant]?.ratings ?? [:] where !goals.isEmpty { rated[proposal] = goals.count }
            for (proposal, ratings) in rated { Self.add(1, ratings, to: &entry.counts, proposal) }
            if !rated.isEmpty { entry.rated[participant] = rated }
        }
        entry.revisions = listed
        let kept = entry
        entries.withLock { entries in
            if entries.count >= capacity, entries[workshopID] == nil { entries.removeAll(keepingCapacity: true) }
            entries[workshopID] = kept
        }
        return kept.counts
    }

    private static func add(_ raters: Int, _ ratings: Int, to counts: inout [Int64: (raters: Int, ratings: Int)], _ proposal: Int64) {
        let current = counts[proposal] ?? (0, 0)
        let next = (raters: current.raters + raters, ratings: current.ratings + ratings)
        counts[proposal] = next.raters == 0 && next.ratings == 0 ? nil : next
    }
}
