import Foundation

/// The writer: a thread that owns the writer connection and commits queued writes in batches.
///
/// Writes that arrive while a commit is being synced wait in a bounded queue; the next loop takes
/// them all (up to `maxBatchSize`) into one `BEGIN IMMEDIATE` transaction, each inside its own
/// savepoint, so one `fsync` acknowledges many writes (group commit) and a failing write is rolled
/// back alone. Every caller is answered after `COMMIT` returned.
/// See <https://sqlite.org/lang_transaction.html> and <https://sqlite.org/lang_savepoint.html>.
///
/// On PostgreSQL a second thread with a connection of its own (a second *lane*) may run a batch of
/// ballot replacements while the first lane's batch is in flight, so the server works on one batch
/// while the other waits for its round trips or its commit's flush (see ``WriterLanes``).
final class Writer: @unchecked Sendable {
    // All mutable state below is guarded by `condition`, except the connections, each of which
    // only its lane's thread touches until `stop()` has seen the threads finish.
    private let condition = NSCondition()
    private var queue: [any PendingWriteProtocol] = []
    private var isStopping = false
    private var isFinished = false
    private var lanes: WriterLanes
    private let capacity: Int
    private let maxBatchSize: Int
    private var statistics = WriterStatistics()
    /// The first lane's connection: the only one on SQLite, and the one a lone write runs on.
    let connection: any SQLDatabase
    /// Every lane's connection, the first lane's first.
    private let connections: [any SQLDatabase]
    private let answerQueue = DispatchQueue(label: "officina-store-answers")
    /// Settles batches whose COMMIT answer was lost with the connection (PostgreSQL).
    private let inDoubtCommits: InDoubtCommitResolver
    /// What a committed batch announces to the instances on PostgreSQL: `w:` and this writer's
    /// own tag, so that its own announcements, already counted in ``statistics``, are told apart.
    let committedPayload = "w:" + UUID().uuidString
    /// What a committed batch of ballot replacements only announces: the same with ``ballotsSuffix``,
    /// so other instances can keep what depends on anything but ballots (``Store/contentGeneration``).
    var ballotsPayload: String { committedPayload + Self.ballotsSuffix }
    /// Ends the announcement of a batch that held ballot replacements only.
    static let ballotsSuffix = ":ballots"
    /// Other instances' batches on the same database: while they write, lanes do not overlap.
    private let foreignWriters: ForeignWriters?
    /// The writer's own threads: a write submitted from one (inside a write) would wait forever.
    private var writerThreads: [pthread_t] = []

    /// `overlapping` are the connections of further lanes (PostgreSQL only: SQLite has one writer);
    /// they stay idle while `foreignWriters` says another instance is writing.
    init(connection: any SQLDatabase, overlapping: [any SQLDatabase] = [], foreignWriters: ForeignWriters? = nil,
         capacity: Int, maxBatchSize: Int, inDoubtCommitSeconds: Double = 10) {
        self.connection = connection
        self.foreignWriters = foreignWriters
        connections = [connection] + overlapping
        lanes = WriterLanes(count: connections.count)
        inDoubtCommits = InDoubtCommitResolver(patience: inDoubtCommitSeconds)
        self.capacity = max(1, capacity)
        self.maxBatchSize = max(1, maxBatchSize)
        for lane in connections.indices {
            let thread = Thread { [self] in
                // Named for ps/top/perf (15 characters at most on Linux).
                Thread.current.name = lane == 0 ? "officina-writer" : "officina-lane\(lane)"
                condition.lock()
                writerThreads.append(pthread_self())
                condition.unlock()
                run(lane: lane)
            }
            thread.start()
        }
    }

    /// Queues a write, or refuses it at once when the queue is full or the store is closing.
    func submit(_ write: any PendingWriteProtocol) throws {
        condition.lock()
        defer { condition.unlock() }
        if isWriterThread {
            throw StoreError(.sqlite, message: "a write was started from inside another write; do all of it in one body")
        }
        guard !isStopping else {
            throw StoreError(.closed, message: "the store is closed")
        }
        guard queue.count < capacity else {
            throw StoreError(.busy, message: "the writer's queue is full (\(capacity) writes); retry shortly")
        }
        queue.append(write)
        // Lanes wait for different things (see `nextBatch`): wake them all.
        condition.broadcast()
    }

    /// Whether the calling thread is one of the writer's own (the caller holds `condition`).
    private var isWriterThread: Bool {
        let current = pthread_self()
        return writerThreads.contains { pthread_equal($0, current) != 0 }
    }

    /// Writes waiting in the queue now.
    var queuedCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return queue.count
    }

    /// Transactions committed and writes run so far.
    var currentStatistics: WriterStatistics {
        condition.lock()
        defer { condition.unlock() }
        return statistics
    }

    /// Refuses new writes, lets the queued ones commit, and waits for the thread to finish and for
    /// any COMMIT in doubt to be settled.
    func stop() {
        condition.lock()
        isStopping = true
        condition.broadcast()
        // Called on a writer thread itself (the store's last reference dropped inside a write):
        // waiting for the threads would wait forever; they finish the queue and end on their own.
        if isWriterThread {
            condition.unlock()
            return
        }
        while !isFinished {
            condition.wait()
        }
        condition.unlock()
        inDoubtCommits.waitUntilSettled()
    }

    private func run(lane: Int) {
        while let batch = nextBatch(lane: lane) {
            let start = Self.threadCPUTime()
            commit(batch, on: connections[lane])
            let spent = Self.threadCPUTime() - start
            condition.lock()
            statistics.cpuSeconds += spent
            lanes.finish(lane)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// CPU time of the calling thread, in seconds (<https://man7.org/linux/man-pages/man2/clock_gettime.2.html>).
    private static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Waits for writes this lane may run (see ``WriterLanes/take(from:lane:limit:)``); `nil` once
    /// stopping and drained.
    private func nextBatch(lane: Int) -> [any PendingWriteProtocol]? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if queue.isEmpty && isStopping {
                lanes.end(lane)
                if lanes.allEnded {
                    isFinished = true
                }
                condition.broadcast()
                return nil
            }
            let count = lanes.take(from: queue, lane: lane, limit: maxBatchSize, mayOverlap: !(foreignWriters?.areWriting ?? false))
            if count > 0 {
                let batch = Array(queue.prefix(count))
                queue.removeFirst(count)
                return batch
            }
            condition.wait()
        }
    }

    /// Counts ballot writes a set-based run took (whether their checks accepted them or not).
    func recordStoredTogether(_ writes: Int) {
        condition.lock()
        statistics.ballotsStoredTogether += writes
        condition.unlock()
    }

    private func record(transactions: Int, writes: Int, contentWrites: Int) {
        condition.lock()
        statistics.transactions += transactions
        statistics.writes += writes
        statistics.contentWrites += contentWrites
        condition.unlock()
    }

    /// Whether `write` may change more than ballots and tallies.
    private static func changesContent(_ write: any PendingWriteProtocol) -> Bool {
        !(write is any BallotWriteProtocol)
    }

    /// Runs `batch` in as few transactions as possible and answers every write after its commit.
    private func commit(_ batch: [any PendingWriteProtocol], on connection: any SQLDatabase) {
        var next = batch.startIndex
        while next < batch.endIndex {
            var done: [any PendingWriteProtocol] = []
            do {
                try connection.beginWrite()
                // The batch's ballots owe their tally changes here; they are applied once, before COMMIT.
                connection.tallyDeltas = TallyDeltas()
            } catch {
                for write in batch[next...] {
                    write.fail(error)
                }
                let answers = Answers(Array(batch[next...]))
                answerQueue.async { answers.writes.forEach { $0.complete() } }
                return
            }
            var succeeded: [any PendingWriteProtocol] = []
            // Writes before this index that a failed ballot run left to run one by one.
            var unbatchedUntil = next
            // Whether a ballot run already sent the batch's tally changes and announcement.
            var closedByRun = false
            while next < batch.endIndex {
                if next >= unbatchedUntil, let end = ballotRunEnd(batch, from: next, on: connection) {
                    let payload = done.contains(where: Self.changesContent) ? committedPayload : ballotsPayload
                    if let run = storeBallotRun(batch[next..<end], on: connection, closesBatch: end == batch.endIndex, payload: payload) {
                        done += batch[next..<end]
                        succeeded += run.stored
                        closedByRun = run.closed
                        next = end
                        continue
                    }
                    unbatchedUntil = end
                }
                let write = batch[next]
                next += 1
                done.append(write)
                if write.perform(on: connection) {
                    succeeded.append(write)
                } else if !connection.isInTransaction {
                    // SQLite rolled the whole transaction back (I/O error, full disk): the writes that
                    // succeeded before this one are lost too. The rest start a new transaction.
                    let lost = StoreError(.unavailable, message: "the transaction was rolled back by an I/O error; not saved")
                    succeeded.forEach { $0.fail(lost) }
                    succeeded.removeAll()
                    connection.tallyDeltas = nil
                    break
                }
            }
            // Counted after the commit (the change counter reads it), including writes still in doubt.
            let ran = done.count
            let contentRan = done.count(where: Self.changesContent)
            // Taken before anything can throw, so a failed batch leaves nothing owed behind.
            let owed = connection.tallyDeltas
            connection.tallyDeltas = nil
            if connection.isInTransaction {
                do {
                    // Every tally change of the batch, in key order (see `TallyDeltas`); other instances
                    // learn of the batch at its commit (their caches key on it). On PostgreSQL these go
                    // out together, one round trip.
                    var closing = owed?.statements() ?? []
                    let payload = done.contains(where: Self.changesContent) ? committedPayload : ballotsPayload
                    if !succeeded.isEmpty, !closedByRun, let announcement = connection.notifyStatement(payload) {
                        closing.append(announcement)
                    }
                    try connection.executeAll(closing)
                    try connection.commitWrite()
                } catch let doubt as InDoubtCommit {
                    // The server may have stored the batch: its writes are answered once it says
                    // whether it did, the writes that failed inside it at once.
                    inDoubtCommits.settle(doubt, writes: succeeded)
                    let settling = Set(succeeded.map { ObjectIdentifier($0) })
                    done.removeAll { settling.contains(ObjectIdentifier($0)) }
                } catch {
                    connection.rollbackIfNeeded()
                    succeeded.forEach { $0.fail(error) }
                }
            }
            record(transactions: 1, writes: ran, contentWrites: contentRan)
            // Resuming callers costs a little each; do it off this thread so the next batch can start.
            let answers = Answers(done)
            answerQueue.async { answers.writes.forEach { $0.complete() } }
        }
    }
}

/// Writes handed from the writer thread to the answer queue; the writer no longer touches them.
final class Answers: @unchecked Sendable {
    let writes: [any PendingWriteProtocol]
    init(_ writes: [any PendingWriteProtocol]) { self.writes = writes }
}

