import Foundation
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
///
/// With a ``file`` (SQLite databases: `<database>-ballots`), the cache is also kept on disk
/// (``BallotCacheFile``) for workshops of at least ``persistMinimum`` ballots: written a few seconds
/// after such a workshop was read whole, and at shutdown (``persist()``). A workshop not in memory
/// then starts from the file's ballots, checked by revision as above — unless more than a quarter of
/// them changed since, when reading them whole is cheaper.
final class CountedBallotCache: Sendable {
    private struct Entry {
        var revisions: [Int64: BallotRepository.Revision]
        /// The voters by ascending participant id; `cast` and `counted` are in the same order, so a
        /// ranking gets `counted` as it is kept (shared, not copied or sorted).
        var voters: [Int64]
        var cast: [Ballot]
        var rule: BallotCounting
        var counted: [Ballot]
        var lastUse: Int

        init(revisions: [Int64: BallotRepository.Revision], cast: [Ballot], counting: BallotCounting) {
            self.revisions = revisions
            let ordered = zip(cast, cast.dropFirst()).allSatisfy { $0.participantID < $1.participantID }
            self.cast = ordered ? cast : cast.sorted { $0.participantID < $1.participantID }
            voters = self.cast.map(\.participantID)
            rule = counting
            counted = CountedBallotCache.count(self.cast, by: counting)
            lastUse = 0
        }

        /// The voter's position in `voters`.
        func position(of participant: Int64) -> Int? {
            CountedBallotCache.position(of: participant, in: voters)
        }
    }

    let capacity: Int
    let maximumBallots: Int
    /// The cache's file, if it keeps one.
    let file: String?
    /// The fewest ballots a workshop needs to be kept on disk.
    let persistMinimum: Int
    private let state = Protected((entries: [Int64: Entry](), uses: 0))
    /// The database's identity in the file (read at first use), changes since the file was last
    /// written, whether a write is scheduled, and ballots taken from the file so far.
    private let disk = Protected((identity: [UInt8]?.none, changes: 0, written: 0, scheduled: false, loaded: 0))
    private let writing = DispatchQueue(label: "officina-ballot-cache", qos: .utility)

    init(capacity: Int = 8, maximumBallots: Int = 150_000, file: String? = nil, persistMinimum: Int = 5_000) {
        self.capacity = max(1, capacity)
        self.maximumBallots = maximumBallots
        self.file = file
        self.persistMinimum = persistMinimum
    }

    /// Ballots taken from the file instead of the database since this cache was made.
    var ballotsLoadedFromFile: Int { disk.withLock { $0.loaded } }

    /// The workshop's ballots counted by `counting`, one per participant, by ascending participant id:
    /// the same as `db.ballots.all(workshopID:).map { counting.count($0).ballot }` in `db`'s snapshot.
    ///
    /// Concurrent rankings each bring their own copy of the workshop's entry up to date (its arrays
    /// copied once, on the first change) and keep it; none waits for another or reads every ballot.
    func countedBallots(workshopID: Int64, counting: BallotCounting, in db: any SQLDatabase) throws -> [Ballot] {
        // A workshop not in memory may be in the file: reading it starts now, beside the revision list.
        let reading = state.withLock { $0.entries[workshopID] == nil } ? FileRead(file, workshopID: workshopID) : nil
        let listed = try db.ballots.revisions(workshopID: workshopID)
        guard listed.count <= maximumBallots else {
            state.withLock { _ = $0.entries.removeValue(forKey: workshopID) }
            return try db.ballots.all(workshopID: workshopID).map { counting.count($0).ballot }
        }
        var entry: Entry
        if var previous = state.withLock({ $0.entries[workshopID] }) {
            try bringUpToDate(&previous, listed: listed, counting: counting, in: db)
            entry = previous
        } else if var saved = try fromFile(reading, listed: listed, counting: counting, in: db) {
            try bringUpToDate(&saved, listed: listed, counting: counting, in: db)
            entry = saved
        } else {
            entry = Entry(revisions: listed, cast: try db.ballots.all(workshopID: workshopID), counting: counting)
            if listed.count >= persistMinimum { noteChange(schedule: true) }
        }
        let counted = entry.counted
        keep(entry, for: workshopID)
        return counted
    }

    // MARK: The file

    /// The workshop's entry as the file holds it, when the file has one for this database that is
    /// at least three quarters current.
    private func fromFile(
        _ reading: FileRead?, listed: [Int64: BallotRepository.Revision], counting: BallotCounting, in db: any SQLDatabase
    ) throws -> Entry? {
        guard let reading, listed.count >= persistMinimum, let identity = try identity(db),
              let section = reading.section(identity: identity) else { return nil }
        // The entry's revisions are the listed ones except where the file's ballot is another
        // (stale: re-read below) or gone (dropped below); voters the file lacks are left out of
        // them, so they count as new.
        var revisions = listed
        var current = 0, matched = 0
        for (ballot, revision) in zip(section.ballots, section.revisions) {
            let now = listed[ballot.participantID]
            if now != nil { matched += 1 }
            if now == revision { current += 1 } else { revisions[ballot.participantID] = revision }
        }
        guard current * 4 >= listed.count * 3 else { return nil }
        if matched < listed.count {
            let voters = section.ballots.map(\.participantID)
            for participant in listed.keys where Self.position(of: participant, in: voters) == nil { revisions[participant] = nil }
        }
        disk.withLock { $0.loaded += current }
        return Entry(revisions: revisions, cast: section.ballots, counting: counting)
    }

    /// Where the ascending `values` hold `value` (binary search), or nil.
    fileprivate static func position(of value: Int64, in values: [Int64]) -> Int? {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < values.count && values[low] == value ? low : nil
    }

    private func identity(_ db: any SQLDatabase) throws -> [UInt8]? {
        if let known = disk.withLock({ $0.identity }) { return known }
        guard let identity = try? BallotCacheFile.identity(of: db) else { return nil }
        disk.withLock { $0.identity = identity }
        return identity
    }

    /// Counts a change worth writing; `schedule` writes the file a few seconds later (one write at
    /// a time, after the ranking that read the ballots, not during it).
    private func noteChange(schedule: Bool) {
        guard file != nil else { return }
        let start = disk.withLock { disk -> Bool in
            disk.changes += 1
            guard schedule, !disk.scheduled else { return false }
            disk.scheduled = true
            return true
        }
        guard start else { return }
        writing.asyncAfter(deadline: .now() + 3) { [self] in
            disk.withLock { $0.scheduled = false }
            try? write()
        }
    }

    /// Writes the file now if anything changed since it was last written (at shutdown).
    func persist() {
        writing.sync { try? write() }
    }

    /// Writes every kept workshop of at least ``persistMinimum`` ballots; runs on `writing`.
    private func write() throws {
        guard let file else { return }
        let (identity, changes) = disk.withLock { ($0.identity, $0.changes) }
        guard let identity, changes > disk.withLock({ $0.written }) else { return }
        let entries = state.withLock { state in state.entries.filter { $0.value.revisions.count >= persistMinimum } }
        let sections = entries.map { id, entry in
            var section = BallotCacheFile.Section(workshopID: id, ballots: [], revisions: [])
            for ballot in entry.cast {
                guard let revision = entry.revisions[ballot.participantID] else { continue }
                section.ballots.append(ballot)
                section.revisions.append(revision)
            }
            return section
        }
        guard !sections.isEmpty else { return }
        try BallotCacheFile.write(BallotCacheFile.encode(sections, identity: identity), to: file)
        disk.withLock { $0.written = changes }
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
        if !stale.isEmpty, entry.revisions.count >= persistMinimum { noteChange(schedule: false) }
        let fresh = try db.ballots.ballots(ids: stale)
        let sameRule = Self.same(entry.rule, counting)
        var added = 0
        for participant in staleVoters {
            let ballot = fresh[participant] ?? Ballot(participantID: participant)
            guard let at = entry.position(of: participant) else {
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
            // Gone voters (an erasure among them) leave the file at its next writing, soon.
            if entry.revisions.count + added > listed.count, listed.count >= persistMinimum { noteChange(schedule: true) }
            let kept = entry.cast.filter { listed[$0.participantID] != nil }
            entry = Entry(revisions: listed, cast: kept, counting: counting)
            return
        }
        if !sameRule {
            entry.counted = Self.count(entry.cast, by: counting)
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

/// One workshop's section read from the cache's file on another thread, while the caller lists
/// the revisions it will be checked against.
private final class FileRead: Sendable {
    private let workshopID: Int64
    private let done = DispatchGroup()
    private let contents = Protected(BallotCacheFile.Contents?.none)

    /// Starts reading; nil when the cache keeps no file.
    init?(_ file: String?, workshopID: Int64) {
        guard let file else { return nil }
        self.workshopID = workshopID
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let read = BallotCacheFile.read(path: file, only: workshopID)
            contents.withLock { $0 = read }
            done.leave()
        }
    }

    /// The workshop's section once read, if the file holds one written for this database.
    func section(identity: [UInt8]) -> BallotCacheFile.Section? {
        done.wait()
        return contents.withLock { $0?.identity == identity ? $0?.sections[workshopID] : nil }
    }
}
