import OfficinaCore
import OfficinaStore

/// The live hub's view of the store: the `events` table, workshop snapshots and tallies.
struct StoreLiveSource: LiveSource {
    let store: Store
    /// The last tally per workshop and the store's write count it was read at: a room of streams
    /// opening at once would otherwise each aggregate every ballot (see ``RankingCache`` for why
    /// the write count is a safe generation).
    private let recent = Protected([Int64: (generation: Int, snapshot: TallySnapshot)]())

    init(store: Store) {
        self.store = store
    }

    func lastSequence(workshopID: Int64) async -> Int64 {
        (try? store.read { try $0.events.latestSeq(workshopID: workshopID) }) ?? 0
    }

    func events(workshopID: Int64, after sequence: Int64, limit: Int) async -> [LiveEvent]? {
        try? store.read { db -> [LiveEvent]? in
            if let oldest = try db.events.oldestSeq(workshopID: workshopID), sequence < oldest - 1 { return nil }
            let unreadable = Set(try db.proposals.countingRows(workshopID: workshopID).filter { $0.status != .visible }.map(\.id))
            return try db.events.since(workshopID: workshopID, after: sequence, limit: limit).compactMap {
                LiveEvent(sequence: $0.seq, kind: $0.type, storedData: $0.data)?.replayed(withoutTextOf: unreadable)
            }
        } ?? nil
    }

    func workshopSnapshot(workshopID: Int64, baseURL: String) async -> LiveEvent? {
        try? store.read { db -> LiveEvent? in
            guard let state = try WorkshopState.load(id: workshopID, in: db) else { return nil }
            let data = state.json(baseURL: baseURL)
            return LiveEvent(sequence: try db.events.latestSeq(workshopID: workshopID), kind: "workshop",
                             facilitatorData: data, publicData: data)
        } ?? nil
    }

    func tallies(workshopID: Int64) async -> TallySnapshot? {
        let generation = store.changeGeneration
        if let cached = recent.withLock({ $0[workshopID] }), cached.generation == generation { return cached.snapshot }
        let snapshot = try? store.read { db -> TallySnapshot? in
            guard let workshop = try db.workshops.find(id: workshopID) else { return nil }
            let tallies = try db.countedTallies(workshop)
            let counts = try db.workshops.counts(workshopID: workshopID)
            var snapshot = TallySnapshot(
                ballots: counts.ballots, participants: counts.participants,
                tallies: tallies.mapValues { TallySnapshot.Entry(support: $0.support, supporters: $0.supporters) },
                visibleToParticipants: ProposalView.talliesVisible(workshop.settings, workshop.phase))
            if workshop.settings.votingMethod.strategy.collectsComparisons {
                snapshot.comparisons = try db.comparisons.counts(workshopID: workshopID).answers
            }
            return snapshot
        } ?? nil
        if let snapshot {
            recent.withLock { recent in
                if (recent[workshopID]?.generation ?? -1) < generation { recent[workshopID] = (generation, snapshot) }
            }
        }
        return snapshot
    }
}
