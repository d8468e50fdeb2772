extension Store {
    /// A number that grows after every committed write of any instance on the database: caches
    /// keyed by it are invalidated by writes made elsewhere too.
    ///
    /// On SQLite it is the writer's count of writes. On PostgreSQL each committed batch of every
    /// instance announces itself (`w:<writer>` on the instances' channel) and the count of other
    /// instances' announcements received is added, once ``listenToInstances(_:)`` runs; a reconnect of the listener counts as
    /// a change too, since announcements may have been missed meanwhile.
    public var changeGeneration: Int {
        writerStatistics.writes + remoteChanges.value
    }

    /// Calls `handler` with what instances (this one included) announce through
    /// ``SQLDatabase/notifyInstances(_:)``, from a thread of its own; `nil` on SQLite, where there is
    /// only one instance. Stop the listener before closing the store.
    public func listenToInstances(_ handler: @escaping @Sendable (String) -> Void) -> PostgresListener? {
        guard let url = postgresURL else { return nil }
        let changes = remoteChanges
        let own = writer.committedPayload
        return PostgresListener(url: url, channel: PostgresListener.liveChannel) { payload in
            if payload.hasPrefix("w:") {
                // Another instance committed a batch; this instance's own are counted already.
                if payload != own { changes.increment() }
                return
            }
            if payload == PostgresListener.resyncPayload { changes.increment() }
            handler(payload)
        }
    }
}
