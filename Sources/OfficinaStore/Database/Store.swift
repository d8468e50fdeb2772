import Foundation

/// The Officina database: one SQLite file in WAL mode, one writer thread, a pool of readers.
///
/// ```swift
/// let store = try Store(path: "officina.db")
/// let workshop = try await store.write { db in
///     try db.workshops.create(programmeID: 1, theme: "design", title: title, description: text)
/// }
/// let same = try store.read { db in try db.workshops.find(code: workshop.code) }
/// ```
/// Writes go through ``write(_:)`` (or ``writeBlocking(_:)``) and are committed in groups; reads go
/// through ``read(_:)``. Never start a transaction inside either: the store does.
/// See <https://sqlite.org/wal.html>.
public final class Store: Sendable {
    /// The database file, or for PostgreSQL its URL with the password hidden.
    public let path: String
    public let configuration: StoreConfiguration
    /// The PostgreSQL URL (with its password), for the connections opened later; nil on SQLite.
    let postgresURL: String?
    /// Batches other instances committed, as announced (see ``changeGeneration``).
    let remoteChanges = ChangeCounter()
    /// Those of them that may have changed more than ballots (see ``contentGeneration``).
    let remoteContentChanges = ChangeCounter()
    /// When another instance last committed a batch (PostgreSQL; see ``ForeignWriters``).
    let foreignWriters: ForeignWriters
    let writer: Writer
    let readers: ReaderPool

    /// Opens (creating if needed) and migrates the database at `path`.
    ///
    /// Throws ``StoreError/Kind/cannotOpen`` for a missing or read-only folder and
    /// ``StoreError/Kind/incompatible`` for a file that is not an Officina database or comes from a
    /// newer Officina; such files are left untouched.
    public convenience init(path: String, configuration: StoreConfiguration = .default) throws {
        try Self.checkFolder(of: path)
        let connection = try Connection(path: path, mode: .readWriteCreate)
        let migrator = Migrator(migrations: Schema.migrations + configuration.additionalMigrations)
        connection.setBusyTimeout(milliseconds: configuration.busyTimeoutMilliseconds)
        // Look before touching: switching to WAL rewrites the header of whatever file this is.
        try migrator.checkCompatible(connection)
        try Self.configureWriter(connection, configuration)
        try migrator.migrate(connection)
        let timeout = configuration.busyTimeoutMilliseconds
        self.init(path: path, configuration: configuration, writerConnection: connection) {
            let reader = try Connection(path: path, mode: .readOnly)
            reader.setBusyTimeout(milliseconds: timeout)
            try reader.enableForeignKeys()
            return reader
        }
    }

    /// Starts the writer thread on `writerConnection` (and one more on each of `overlappingWriters`,
    /// PostgreSQL only: see ``Writer``) and a pool of readers opened by `openReader`.
    init(
        path: String, configuration: StoreConfiguration, writerConnection: any SQLDatabase,
        overlappingWriters: [any SQLDatabase] = [], postgresURL: String? = nil, openReader: @escaping () throws -> any SQLDatabase
    ) {
        self.path = path
        self.postgresURL = postgresURL
        self.configuration = configuration
        let foreign = ForeignWriters()
        foreignWriters = foreign
        writer = Writer(
            connection: writerConnection,
            overlapping: overlappingWriters,
            foreignWriters: foreign,
            capacity: configuration.writeQueueCapacity,
            maxBatchSize: configuration.maxBatchSize,
            inDoubtCommitSeconds: configuration.inDoubtCommitSeconds
        )
        readers = ReaderPool(capacity: configuration.readerCount, open: openReader)
    }

    /// Opens `location`: a `postgres://` URL opens PostgreSQL (see ``init(postgres:configuration:)``),
    /// anything else is a SQLite file path.
    public static func open(_ location: String, configuration: StoreConfiguration = .default) throws -> Store {
        if PostgresURL.isPostgres(location) {
            return try Store(postgres: location, configuration: configuration)
        }
        return try Store(path: location, configuration: configuration)
    }

    /// The engine behind this store.
    public var dialect: SQLDialect { writer.connection.dialect }

    deinit {
        close()
    }

    /// Runs `body` on a read connection inside a short read transaction (one consistent snapshot).
    public func read<T>(_ body: (any SQLDatabase) throws -> T) throws -> T {
        try readers.read(body)
    }

    /// Stops accepting writes, commits those queued, closes the idle readers and copies the WAL into
    /// the main file as far as no other reader prevents it. Safe to call more than once.
    ///
    /// The checkpoint is `PASSIVE`: it never waits, so a command-line process (`officina backup`)
    /// closing its store cannot stall a running server's writer. SQLite completes the checkpoint and
    /// removes the `-wal` file when the last connection closes
    /// (<https://sqlite.org/pragma.html#pragma_wal_checkpoint>).
    public func close() {
        writer.stop()
        readers.close()
        if let sqlite = writer.connection as? Connection {
            try? sqlite.executeScript("PRAGMA wal_checkpoint(PASSIVE)")
        }
    }

    /// WAL (checked: the pragma answers the mode in effect), `synchronous`, foreign keys.
    /// See <https://sqlite.org/pragma.html#pragma_journal_mode>.
    private static func configureWriter(_ connection: Connection, _ configuration: StoreConfiguration) throws {
        let mode = try connection.setPragma("journal_mode", "WAL")
        guard mode?.lowercased() == "wal" else {
            throw StoreError(.cannotOpen, message: "\(connection.path): WAL mode did not take effect (journal_mode is \(mode ?? "unknown"))")
        }
        try connection.setPragma("synchronous", configuration.synchronous.rawValue)
        try connection.enableForeignKeys()
    }

    /// Gives one clear line for the common mistakes, before SQLite's terser "unable to open".
    private static func checkFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw StoreError(.cannotOpen, message: "cannot open database \(path): folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else {
            throw StoreError(.cannotOpen, message: "cannot open database \(path): \(folder) is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw StoreError(.cannotOpen, message: "cannot open database \(path): folder \(folder) is not writable (SQLite needs it for the -wal and -shm files)")
        }
    }
}
