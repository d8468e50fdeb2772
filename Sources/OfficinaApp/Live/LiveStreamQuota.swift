/// Counts open live streams per key (a participant, a facilitator session, an anonymous address)
/// so one client cannot take every stream slot of the server.
///
/// A reservation is a ``LiveStreamSlot``: released once, when the stream closes, or when the
/// slot is dropped without a stream ever opening (a HEAD request, a server shutting down).
final class LiveStreamQuota: Sendable {
    private let counts = Protected([String: Int]())

    /// A slot for `key`, or nil when `limit` streams are already open for it.
    func reserve(_ key: String, limit: Int) -> LiveStreamSlot? {
        let reserved = counts.withLock { counts -> Bool in
            let open = counts[key, default: 0]
            guard open < limit else { return false }
            counts[key] = open + 1
            return true
        }
        return reserved ? LiveStreamSlot(key: key, quota: self) : nil
    }

    /// Streams open for `key` now.
    func count(_ key: String) -> Int {
        counts.withLock { $0[key, default: 0] }
    }

    fileprivate func release(_ key: String) {
        counts.withLock { counts in
            let open = counts[key, default: 0] - 1
            counts[key] = open > 0 ? open : nil
        }
    }
}

/// One reserved stream slot; see ``LiveStreamQuota``.
final class LiveStreamSlot: Sendable {
    let key: String
    private let quota: LiveStreamQuota
    private let released = Protected(false)

    fileprivate init(key: String, quota: LiveStreamQuota) {
        self.key = key
        self.quota = quota
    }

    /// Gives the slot back; later calls do nothing.
    func release() {
        let first = released.withLock { released -> Bool in
            defer { released = true }
            return !released
        }
        if first { quota.release(key) }
    }

    deinit { release() }
}
