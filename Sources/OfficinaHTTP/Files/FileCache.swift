#if canImport(Glibc)
import Glibc
#endif

/// Small files kept in memory, keyed by path and trusted only while `stat` reports the same
/// inode, size and modification time.
final class FileCache: Sendable {
    struct Identity: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64
        var size: Int
        var modifiedSeconds: Int
        var modifiedNanoseconds: Int

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int(info.st_size)
            modifiedSeconds = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        }
    }

    struct Entry: Sendable {
        var identity: Identity
        var bytes: [UInt8]
        var contentType: String
        var etag: String
        var cacheControl: String
        /// The response headers, built (checked and encoded) once per file version.
        var headers: HTTPHeaders
        /// The gzip form and its headers, for text files that shrink (``GzipForm``).
        var gzip: (bytes: [UInt8], headers: HTTPHeaders)?
    }

    /// What the cache holds: files by path, and the files last revalidated for a request path.
    private struct State {
        var files: [String: Entry] = [:]
        var bytes = 0
        var recent: [String: (entry: Entry, checkedAt: UInt64)] = [:]
    }

    /// At most this many bytes are cached in total; past it the cache is emptied and refilled.
    let maxTotalBytes = 64 * 1024 * 1024
    /// At most this many request paths are remembered; past it the list is emptied and refilled
    /// (many spellings of one path cannot grow it without bound).
    let maxRecentPaths = 1024
    private let state = Locked(State())

    func lookup(_ path: String, _ identity: Identity) -> Entry? {
        state.withLock { state in
            guard let entry = state.files[path], entry.identity == identity else { return nil }
            return entry
        }
    }

    func store(_ path: String, _ entry: Entry) {
        state.withLock { state in
            if state.bytes + entry.bytes.count > maxTotalBytes { state = State() }
            state.bytes += entry.bytes.count - (state.files[path]?.bytes.count ?? 0)
            state.files[path] = entry
        }
    }

    /// The file served for request path `key`, if it was revalidated less than `within`
    /// nanoseconds before `now`.
    func recent(_ key: String, now: UInt64, within: UInt64) -> Entry? {
        state.withLock { state in
            guard let recent = state.recent[key], now &- recent.checkedAt < within else { return nil }
            return recent.entry
        }
    }

    /// Notes that request path `key` was just served `entry` after a full check.
    func remember(_ key: String, _ entry: Entry, now: UInt64) {
        state.withLock { state in
            if state.recent.count >= maxRecentPaths, state.recent[key] == nil { state.recent = [:] }
            state.recent[key] = (entry, now)
        }
    }
}
