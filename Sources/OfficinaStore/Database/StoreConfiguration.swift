/// The store's limits and durability settings; every default is documented here.
public struct StoreConfiguration: Sendable {
    /// How SQLite syncs a commit to disk (<https://sqlite.org/pragma.html#pragma_synchronous>).
    public enum Synchronous: String, Sendable, CaseIterable {
        /// Every commit is on disk when it returns: a power cut loses nothing acknowledged. The default.
        case full = "FULL"
        /// In WAL mode a commit is synced only at checkpoints: a power cut (not a crash of the process)
        /// can lose the last commits before the cut. The file itself stays consistent.
        case normal = "NORMAL"
    }

    /// `synchronous` for the writer. Default ``Synchronous/full``.
    public var synchronous: Synchronous = .full
    /// Writes waiting in the writer's queue before new ones are refused with ``StoreError/Kind/busy``.
    /// Default 10,000.
    public var writeQueueCapacity: Int = 10_000
    /// Most writes committed in one transaction. `1` turns group commit off (one transaction per
    /// write), which only the benchmark wants. Default 1,000.
    public var maxBatchSize: Int = 1_000
    /// Read connections in the pool. Default 4.
    public var readerCount: Int = 4
    /// How long a connection waits for a lock before `SQLITE_BUSY`, in milliseconds. Default 5,000.
    public var busyTimeoutMilliseconds: Int32 = 5_000
    /// PostgreSQL: how long the callers of a write batch whose COMMIT answer was lost with the
    /// connection wait while the store asks the server (`txid_status`) whether it committed, in
    /// seconds; past that they are answered ``StoreError/Kind/unavailable`` (a 503), as a batch that
    /// certainly failed. It should cover a database restart. Default 10.
    public var inDoubtCommitSeconds: Double = 10
    /// PostgreSQL: writer connections, each with its own thread (a *lane*). With two, a batch of
    /// ballot replacements may run while another batch waits for its round trips or its commit, so
    /// the server and the writer work at the same time (see ``Writer``); other writes never overlap.
    /// SQLite always has one. Default 2.
    public var postgresWriterLanes: Int = 2
    /// Migrations run after Officina's own, in order (ids must be new and stable).
    public var additionalMigrations: [Migration] = []

    public init() {}

    /// The defaults.
    public static let `default` = StoreConfiguration()
}
