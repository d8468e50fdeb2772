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

    /// A number that grows after every committed write that may change anything besides ballots and
    /// their tallies: it stays put under a storm of ballots, so what depends on proposals, the
    /// workshop or its participants only (not on any ballot) can be kept across it. Read it, like
    /// ``changeGeneration``, before the reads whose result is kept under it.
    ///
    /// On SQLite it is the writer's count of writes other than ballot replacements
    /// (``replaceBallot(_:workshopID:check:)``). On PostgreSQL a batch of ballot replacements only
    /// announces itself as such (`w:<writer>:ballots`); every other announcement of another
    /// instance, and a reconnect of the listener, counts as a change of content too.
    public var contentGeneration: Int {
        writerStatistics.contentWrites + remoteContentChanges.value
    }

    /// Calls `handler` with what instances (this one included) announce through
    /// ``SQLDatabase/notifyInstances(_:)``, from a thread of its own; `nil` on SQLite, where there is
    /// only one instance. Stop the listener before closing the store.
    public func listenToInstances(_ handler: @escaping @Sendable (String) -> Void) -> PostgresListener? {
        guard let url = postgresURL else { return nil }
        let changes = remoteChanges, contentChanges = remoteContentChanges, foreign = foreignWriters
        let own = writer.committedPayload
        return PostgresListener(url: url, channel: PostgresListener.liveChannel) { payload in
            if payload.hasPrefix("w:") {
                // Another instance committed a batch; this instance's own are counted already.
                guard !payload.hasPrefix(own) else { return }
                foreign.announced()
                if !payload.hasSuffix(Writer.ballotsSuffix) { contentChanges.increment() }
                changes.increment()
                return
            }
            // Count the change before handing the announcement on. A batch's `w:` is sent last
            // and NOTIFYs arrive in the order sent, so the `e:`/`t:` it carries come first: a tally
            // read for them under the generation of before the batch was the stale cached one.
            // This instance's own announcements count too: one more cache miss, never a stale read.
            // A tally's (`t:`) follows ballots only.
            if !payload.hasPrefix("t:") { contentChanges.increment() }
            changes.increment()
            handler(payload)
        }
    }
}
