import Foundation
import OfficinaCore

/// A run of ballot writes stored together on PostgreSQL with a constant number of statements.
///
/// Written one by one, each ballot costs PostgreSQL a savepoint and a handful of small statements,
/// and most of its CPU goes to starting each statement's executor, not to the rows. Here a run of
/// queued ballots costs, whatever its length: one `FOR SHARE` lock of the workshops whose checks
/// need them plus their context (read once per workshop, see ``BallotWriteContext``), the checks in
/// memory, one upsert of every `ballots` row (one round trip), then per kind of cell one delete of
/// all the old cells, which returns them, and one insert of the new ones with arrays (`unnest`; one
/// round trip, see ``CellChanges``), the tally changes summed into the batch's (``TallyDeltas``) and
/// one `pg_notify` per workshop (one round trip, which also carries the batch's tally upserts and
/// announcement when the run ends the batch).
///
/// The same guarantees as one by one: a ballot refused by its check is not stored and gets its own
/// error; the upsert takes the `ballots` row locks (in participant order, so two instances' runs
/// wait for each other rather than deadlock) before the old cells are deleted, so in READ COMMITTED
/// the diff is against what another instance committed meanwhile; a participant's later ballot in
/// the run replaces their earlier one, as it would have one after the other. When a statement fails
/// (a ballot naming a proposal that does not exist, a dot count the schema refuses) the run is
/// rolled back to its savepoint and the writer runs each of its writes alone, so only the bad one fails.
struct PostgresBallotBatch {
    let writes: [any BallotWriteProtocol]

    private struct Key: Hashable, Comparable {
        let participant: Int64
        let workshop: Int64
        static func < (a: Self, b: Self) -> Bool { (a.participant, a.workshop) < (b.participant, b.workshop) }
    }

    /// Stores the run inside its own savepoint and returns the writes whose ballots were stored
    /// (every write whose check accepted it), and whether `closing` ran; throws, leaving nothing of
    /// the run behind, when a statement failed.
    ///
    /// `closing`, called once the run's tally changes are owed to the batch and only when a ballot
    /// was accepted, gives statements to send in the run's last round trip (the writer's batch
    /// closing: its tally changes and announcement, when nothing follows the run).
    func store(
        on db: any SQLDatabase, at now: Date = Date(), closing: ((any SQLDatabase) -> [SQLStatement])? = nil
    ) throws -> (stored: [any BallotWriteProtocol], closed: Bool) {
        try db.savepoint("officina_ballots") {
            let contexts = try readContexts(on: db)
            let accepted = writes.filter { $0.check($0.needsContext ? contexts[$0.workshopID] : nil) }
            guard !accepted.isEmpty else { return ([], false) }
            var latest: [Key: Ballot] = [:]
            for write in accepted {
                latest[Key(participant: write.ballot.participantID, workshop: write.workshopID)] = write.ballot
            }
            let keys = latest.keys.sorted()
            var ids: [Key: Int64] = [:]
            var oldSupport: [Int64: [Int64: Int]] = [:]
            var oldRatings: [Int64: [Int64: [String: Int]]] = [:]
            let participants = Self.array(keys.map(\.participant))
            let workshops = Self.array(keys.map(\.workshop))
            let revisions = Self.array(keys.map { _ in BallotRepository.newRevision() })
            let named = Set(latest.values.flatMap { ballot in
                ballot.support.filter { $0.value != 0 }.map(\.key) + ballot.ratings.filter { !$0.value.isEmpty }.map(\.key)
            }).sorted()
            var lockedProposals = 0
            try db.forEachRow(in: [
                SQLStatement(Self.upsertBallots, [now, now, participants, workshops, revisions]),
                SQLStatement(Self.lockProposals, [Self.array(named)]),
            ]) { statement, row in
                if statement == 0 {
                    ids[Key(participant: row.int64(1), workshop: row.int64(2))] = row.int64(0)
                } else {
                    lockedProposals = row.int(0)
                }
            }
            // A proposal that does not exist: the run is rolled back and its writes run one by one,
            // where the reference trigger fails only the write naming it.
            guard lockedProposals == named.count else {
                throw StoreError(.constraint, message: "a ballot of the run names a proposal that does not exist")
            }
            var cells = CellChanges()
            for key in keys {
                guard let id = ids[key], let ballot = latest[key] else {
                    throw StoreError(.sqlite, message: "ballot upsert returned no id")
                }
                cells.add(ballotID: id, support: ballot.support.filter { $0.value != 0 }, ratings: ballot.ratings.filter { !$0.value.isEmpty })
            }
            try db.forEachRow(in: cells.statements(ballotIDs: keys.compactMap { ids[$0] })) { statement, row in
                switch statement {
                case CellChanges.supportDeletion: oldSupport[row.int64(0), default: [:]][row.int64(1)] = row.int(2)
                case CellChanges.ratingsDeletion: oldRatings[row.int64(0), default: [:]][row.int64(1), default: [:]][row.text(2)] = row.int(3)
                default: break
                }
            }
            for key in keys {
                guard let id = ids[key], let ballot = latest[key] else { continue }
                cells.addDeltas(oldSupport: oldSupport[id] ?? [:], newSupport: ballot.support.filter { $0.value != 0 },
                                oldRatings: oldRatings[id] ?? [:], newRatings: ballot.ratings.filter { !$0.value.isEmpty })
            }
            var statements: [SQLStatement] = []
            for workshop in Set(keys.map(\.workshop)).sorted() {
                if let notify = db.notifyStatement("t:\(workshop)") { statements.append(notify) }
            }
            if db.tallyDeltas != nil {
                db.tallyDeltas?.merge(cells.deltas)
            } else {
                statements += cells.deltas.statements()
            }
            if let closing {
                statements += closing(db)
            }
            try db.executeAll(statements)
            accepted.forEach { $0.stored() }
            return (accepted, closing != nil)
        }
    }

    /// The context of every workshop a check needs, their rows locked `FOR SHARE` in id order:
    /// the lock, each workshop with its goal keys and the visible authors of the proposals its
    /// ballots name, all in one round trip (the lock runs first: the reads see the rows it holds).
    private func readContexts(on db: any SQLDatabase) throws -> [Int64: BallotWriteContext] {
        let needed = Set(writes.filter(\.needsContext).map(\.workshopID)).sorted()
        guard !needed.isEmpty else { return [:] }
        enum Read { case workshop, authors }
        var statements = [SQLStatement("SELECT id FROM workshops WHERE id = ANY(CAST(? AS BIGINT[])) ORDER BY id FOR SHARE", [Self.array(needed)])]
        var reads: [(workshop: Int64, read: Read)] = []
        for id in needed {
            statements.append(SQLStatement(WorkshopRepository.withGoalKeysSQL, [id]))
            reads.append((id, .workshop))
            let named = writes.filter { $0.needsContext && $0.workshopID == id }.reduce(into: Set<Int64>()) { $0.formUnion($1.ballot.namedProposals) }
            for probe in ProposalRepository.visibleAuthorStatements(of: named, workshopID: id) {
                statements.append(probe)
                reads.append((id, .authors))
            }
        }
        var workshops: [Int64: Workshop] = [:]
        var goalKeys: [Int64: Set<String>] = [:]
        var authors: [Int64: [Int64: Int64]] = [:]
        try db.forEachRow(in: statements) { index, row in
            guard index > 0 else { return }
            let (id, read) = reads[index - 1]
            switch read {
            case .workshop:
                if workshops[id] == nil { workshops[id] = try WorkshopRepository.decode(row) }
                if let key = row.optionalText(WorkshopRepository.columnCount) { goalKeys[id, default: []].insert(key) }
            case .authors:
                authors[id, default: [:]][row.int64(0)] = row.int64(1)
            }
        }
        var contexts: [Int64: BallotWriteContext] = [:]
        for id in needed {
            // As ``BallotWriteContext/readLocked(workshopID:naming:from:)``: nothing but the absence for a workshop that is gone.
            guard let workshop = workshops[id] else {
                contexts[id] = BallotWriteContext(workshop: nil, visibleAuthors: [:], goalKeys: [])
                continue
            }
            contexts[id] = BallotWriteContext(workshop: workshop, visibleAuthors: authors[id] ?? [:], goalKeys: goalKeys[id] ?? [])
        }
        return contexts
    }

    /// A PostgreSQL array literal of integers, bound as one text parameter.
    static func array(_ values: [Int64]) -> String {
        "{" + values.map(String.init).joined(separator: ",") + "}"
    }

    /// A PostgreSQL array literal of strings, each quoted (<https://www.postgresql.org/docs/15/arrays.html#ARRAYS-IO>):
    /// `"` and `\\` escaped with a backslash. Built byte by byte (a run holds hundreds of goal keys;
    /// Foundation's `replacingOccurrences` made this a sixth of the writer's time).
    static func array(_ values: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(2 + values.reduce(0) { $0 + $1.utf8.count + 3 })
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "}"))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Locks the proposals the run's cells name `FOR KEY SHARE` (what a foreign key check takes: a
    /// concurrent delete of one waits for this transaction) and counts those that exist.
    static let lockProposals = """
        SELECT count(*) FROM (SELECT id FROM proposals WHERE id = ANY(CAST(? AS BIGINT[])) FOR KEY SHARE) AS p
        """

    /// Every `ballots` row of the run created or touched, in (participant, workshop) order (the
    /// row-lock order), with a fresh revision each.
    static let upsertBallots = """
        INSERT INTO ballots (workshop_id, participant_id, created_at, updated_at, revision)
        SELECT v.w, v.p, CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION), v.r
        FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS v(p, w, r)
        ORDER BY v.p, v.w
        ON CONFLICT (participant_id, workshop_id) DO UPDATE SET updated_at = excluded.updated_at, revision = excluded.revision
        RETURNING id, participant_id, workshop_id
        """

}
