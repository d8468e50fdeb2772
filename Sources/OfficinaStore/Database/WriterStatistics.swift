/// Counters of the writer: how many writes ran in how many transactions (the group-commit ratio).
public struct WriterStatistics: Sendable, Hashable {
    /// Transactions the writer began (committed or not).
    public var transactions = 0
    /// Writes it ran in them.
    public var writes = 0
    /// Those of them that were not ballot replacements (``Store/replaceBallot(_:workshopID:check:)``):
    /// the writes that may change anything besides ballots and tallies.
    public var contentWrites = 0
    /// CPU time the writer's threads (every lane) spent running and committing them (excluding waits for the disk,
    /// which are not CPU time), in seconds.
    public var cpuSeconds = 0.0
    /// Ballot writes stored together in set-based runs (PostgreSQL, ``PostgresBallotBatch``); the
    /// rest of the ballots ran one by one.
    public var ballotsStoredTogether = 0

    /// Mean writes per transaction; 0 before the first.
    public var meanBatchSize: Double { transactions == 0 ? 0 : Double(writes) / Double(transactions) }
}
