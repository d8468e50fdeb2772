extension Store {
    /// Opens (and migrates) the PostgreSQL database at `url`, e.g.
    /// `postgres://officina:secret@db.example:5432/officina?sslmode=require`.
    ///
    /// The same store as on SQLite: a writer committing batches of writes (each in its own savepoint,
    /// acknowledged after `COMMIT` with `synchronous_commit` on; with a second connection on which
    /// ballot batches may overlap, ``StoreConfiguration/postgresWriterLanes``) and a pool of reader
    /// connections, each read in one `REPEATABLE READ READ ONLY` snapshot. Connections that break
    /// are reset before their next use, so the store recovers by itself when the server is back.
    /// Throws ``StoreError/Kind/cannotOpen`` when libpq is missing (with the line saying how to
    /// install it) and ``StoreError/Kind/unavailable`` when the server cannot be reached.
    public convenience init(postgres url: String, configuration: StoreConfiguration = .default) throws {
        let writer = try PostgresConnection(url: url)
        try PostgresMigrator(migrations: PostgresSchema.migrations).migrate(writer)
        let overlapping = try (1..<max(1, configuration.postgresWriterLanes)).map { _ in try PostgresConnection(url: url) as any SQLDatabase }
        self.init(path: writer.displayURL, configuration: configuration, writerConnection: writer,
                  overlappingWriters: overlapping, postgresURL: url) {
            try PostgresConnection(url: url)
        }
    }
}
