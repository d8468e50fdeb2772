/// Which queued writes each of the writer's lanes may take (the caller holds the writer's lock).
///
/// The first lane takes whatever is queued (up to the batch limit) whenever no other lane is busy,
/// exactly as a single writer would: a lone write always runs there. Another lane starts only while
/// some lane is busy (and no other instance is writing to the database, ``ForeignWriters``), once at
/// least ``defaultOverlapThreshold`` writes are queued, and only with ballot
/// replacements of voters whose ballots are not in a batch in flight (the longest such run at the
/// head of the queue), so:
/// - writes that may change anything besides ballots and tallies never overlap another batch;
/// - one voter's ballots are stored in the order they were queued (a later one waits for the batch
///   holding the earlier one to end);
/// - overlapping batches lock rows another batch can hold only in one order (ballots by voter,
///   tallies by key, see ``PostgresBallotBatch`` and ``TallyDeltas``), so they wait for each other's
///   commit rather than deadlock.
struct WriterLanes {
    private struct Key: Hashable {
        let participant: Int64
        let workshop: Int64
    }

    private var busy: [Bool]
    /// Whether the lane's batch holds a write that is not a ballot replacement.
    private var exclusive: [Bool]
    /// The voters whose ballots the lane's batch holds.
    private var keys: [Set<Key>]
    private var ended: [Bool]

    /// Fewest queued writes a lane starts a batch with while another lane is busy: smaller
    /// overlapping batches cost the server more per ballot (each batch is some twenty statements
    /// whatever its size) than their early start saves. Measured with `officina-bench store` and
    /// `system ballots|instances` (benchmarks/scaling.md, "Two writer lanes"): 8 beat 1, 4, 16 and 32.
    static let defaultOverlapThreshold = 8
    private let overlapThreshold: Int

    init(count: Int, overlapThreshold: Int = Self.defaultOverlapThreshold) {
        self.overlapThreshold = overlapThreshold
        busy = Array(repeating: false, count: count)
        exclusive = busy
        ended = busy
        keys = Array(repeating: [], count: count)
    }

    /// Whether every lane has seen the queue drained while stopping.
    var allEnded: Bool { !ended.contains(false) }

    /// How many writes at the head of `queue` lane `lane` takes now, marking it busy with them;
    /// 0 when it must wait (nothing it may run, or it is the first lane's turn). `mayOverlap` false
    /// keeps every lane to one batch at a time (other instances are writing: ``ForeignWriters``).
    mutating func take(from queue: [any PendingWriteProtocol], lane: Int, limit: Int, mayOverlap: Bool = true) -> Int {
        guard !queue.isEmpty, !busy[lane] else { return 0 }
        if busy.count == 1 {
            busy[lane] = true
            return min(limit, queue.count)
        }
        let others = busy.indices.filter { $0 != lane && busy[$0] }
        var taken = Set<Key>()
        var count = 0
        if others.isEmpty {
            guard lane == 0 else { return 0 }
            count = min(limit, queue.count)
            for write in queue.prefix(count) {
                if let ballot = write as? any BallotWriteProtocol {
                    taken.insert(Key(participant: ballot.ballot.participantID, workshop: ballot.workshopID))
                } else {
                    exclusive[lane] = true
                }
            }
        } else {
            guard mayOverlap, !others.contains(where: { exclusive[$0] }), queue.count >= overlapThreshold else { return 0 }
            for write in queue.prefix(limit) {
                guard let ballot = write as? any BallotWriteProtocol else { break }
                let key = Key(participant: ballot.ballot.participantID, workshop: ballot.workshopID)
                guard !others.contains(where: { keys[$0].contains(key) }) else { break }
                taken.insert(key)
                count += 1
            }
            guard count > 0 else { return 0 }
        }
        busy[lane] = true
        keys[lane] = taken
        return count
    }

    /// Marks the lane's batch done.
    mutating func finish(_ lane: Int) {
        busy[lane] = false
        exclusive[lane] = false
        keys[lane].removeAll(keepingCapacity: true)
    }

    /// Marks the lane ended (stopping, nothing left to take).
    mutating func end(_ lane: Int) {
        ended[lane] = true
    }
}
