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
        /// The response headers, built once per file version.
        var headers: HTTPHeaders
    }

    /// At most this many bytes are cached in total; past it the cache is emptied and refilled.
    let maxTotalBytes = 64 * 1024 * 1024
    private let entries = Locked<(files: [String: Entry], bytes: Int)>(([:], 0))

    func lookup(_ path: String, _ identity: Identity) -> Entry? {
        entries.withLock { state in
            guard let entry = state.files[path], entry.identity == identity else { return nil }
            return entry
        }
    }

    func store(_ path: String, _ entry: Entry) {
        entries.withLock { state in
            if state.bytes + entry.bytes.count > maxTotalBytes { state = ([:], 0) }
            state.bytes += entry.bytes.count - (state.files[path]?.bytes.count ?? 0)
            state.files[path] = entry
        }
    }
}
