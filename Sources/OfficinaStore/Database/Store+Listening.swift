extension Store {
    /// A number that grows after every committed write of any instance on the database: caches
    /// keyed by it are invalidated by writes made elsewhere too.
    ///
    /// On SQLite it is the writer's count of writes. On PostgreSQL each committed batch of every
    /// instance announces itself (`w:<writer>` on the instances' channel) and the count of other
    /// instances' announcements received is added, once ``listenToInstances(_:)`` runs; every other
    /// announcement, and a reconnect of the listener (announcements may have been missed
    /// meanwhile), counts as a change too, before it is handled.
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
            // Count the change before handing the announcement on. A batch's `w:` is sent last
            // and NOTIFYs arrive in the order sent, so the `e:`/`t:` it carries come first: a tally
            // read for them under the generation of before the batch was the stale cached one.
            // This instance's own announcements count too: one more cache miss, never a stale read.
            changes.increment()
            handler(payload)
        }
    }
}
