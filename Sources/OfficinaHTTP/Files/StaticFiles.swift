import CEventLoop
#if canImport(Glibc)
import Glibc
#endif

/// Serves the files of one folder: content types, `ETag` and `If-None-Match` → 304 (RFC 9110
/// §13.1.2), `Cache-Control`, `GET` and `HEAD`. No request reads outside the folder: the path is
/// checked by `SafePath`, then its real path (symlinks resolved) must start with the root plus `/`.
///
///     let files = try StaticFiles(root: "./web")
///     router.get("/w/:code", files.file("participant.html"))   // one URL shape → one file
///     router.notFound = files.handler                           // everything else from the folder
public struct StaticFiles: ImmediateResponder {
    /// The folder's real path, without a trailing slash.
    public let root: String
    /// Sent with every file. Default `no-cache`: clients revalidate with the ETag on each use.
    public var cacheControl: String = "no-cache"
    /// Served for a path naming a folder. Default `index.html`.
    public var indexFile: String = "index.html"
    /// Files up to this size are kept in memory, revalidated by `stat`.
    public var maxCachedFileBytes: Int = 1024 * 1024
    /// How long, in seconds, a file in memory is served for the same request path without a new
    /// path check and `stat`. Default 0: every request revalidates. With 1, a file changed on disk
    /// is served within about a second, and a busy page costs one `stat` a second, not one per request.
    public var revalidationInterval: Double = 0
    let cache = FileCache()

    /// Throws `HTTPServerError` if `root` does not exist or is not a folder.
    public init(root: String) throws {
        guard let resolved = Self.realPath(root) else { throw HTTPServerError(operation: "static root \(root)", code: errno) }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw HTTPServerError(operation: "static root \(root)", message: "not a directory")
        }
        self.root = resolved == "/" ? "" : resolved
    }

    /// This responder as a handler, e.g. for `router.notFound`.
    public var handler: HTTPHandler {
        let files = self
        return { request in await files.respond(to: request) }
    }

    /// Answers at once when the file is in memory and unchanged (one `stat`, or none when it was
    /// checked for this path within `revalidationInterval`), else nil.
    public func respondImmediately(to request: HTTPRequest) -> HTTPResponse? {
        if let file = recent(request.rawPath) { return answer(file, to: request) }
        guard case .success(let segments) = SafePath.segments(request.rawPath) else { return Self.plain(.badRequest) }
        return serve(segments.joined(separator: "/"), request: request, cachedOnly: true, key: request.rawPath)
    }

    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        switch SafePath.segments(request.rawPath) {
        case .failure:
            return Self.plain(.badRequest)
        case .success(let segments):
            return serve(segments.joined(separator: "/"), request: request, key: request.rawPath) ?? Self.plain(.notFound)
        }
    }

    /// A handler that always serves `relativePath` (inside the root), whatever the request path.
    public func file(_ relativePath: String) -> HTTPHandler {
        let files = self
        let checked: String? = switch SafePath.segments(relativePath) {
        case .success(let segments): segments.joined(separator: "/")
        case .failure: nil
        }
        return { request in
            guard let checked else { return Self.plain(.notFound) }
            return files.serve(checked, request: request, key: "file:" + checked) ?? Self.plain(.notFound)
        }
    }

    /// The immediate side of `file(_:)`: answers only when the file is in memory and unchanged.
    public func fileImmediately(_ relativePath: String) -> @Sendable (HTTPRequest) -> HTTPResponse? {
        let files = self
        let checked: String? = switch SafePath.segments(relativePath) {
        case .success(let segments): segments.joined(separator: "/")
        case .failure: nil
        }
        let key = checked.map { "file:" + $0 }
        return { request in
            guard let checked, let key else { return Self.plain(.notFound) }
            if let file = files.recent(key) { return files.answer(file, to: request) }
            return files.serve(checked, request: request, cachedOnly: true, key: key)
        }
    }

    /// Serves `relative` (already checked segment by segment); `key` names the request path for
    /// `recent`. With `cachedOnly`, returns nil instead of reading a file that is not in memory.
    func serve(_ relative: String, request: HTTPRequest, cachedOnly: Bool = false, key: String) -> HTTPResponse? {
        guard request.method == .get || request.method == .head else { return Self.methodNotAllowed }
        guard let file = load(relative, cachedOnly: cachedOnly) else { return cachedOnly ? nil : Self.plain(.notFound) }
        if revalidationInterval > 0, file.bytes.count <= maxCachedFileBytes {
            cache.remember(key, file, now: cel_monotonic_ns())
        }
        return answer(file, to: request)
    }

    /// The file in memory last checked for `key` within `revalidationInterval`, or nil.
    func recent(_ key: String) -> FileCache.Entry? {
        guard revalidationInterval > 0 else { return nil }
        return cache.recent(key, now: cel_monotonic_ns(), within: UInt64(revalidationInterval * 1e9))
    }

    /// The answer to a GET or HEAD for `file` (304 when `If-None-Match` matches the ETag of the
    /// form the client gets): gzip-coded when the file has a gzip form and `Accept-Encoding` takes it.
    func answer(_ file: FileCache.Entry, to request: HTTPRequest) -> HTTPResponse {
        guard request.method == .get || request.method == .head else { return Self.methodNotAllowed }
        let coded = file.gzip.flatMap { AcceptEncoding.acceptsGzip(request.headers["Accept-Encoding"]) ? $0 : nil }
        var headers = coded?.headers ?? file.headers
        let body = coded?.bytes ?? file.bytes
        if file.cacheControl != cacheControl { headers["Cache-Control"] = cacheControl }
        if let condition = request.headers["If-None-Match"], let etag = headers["ETag"], EntityTag.matches(condition, etag) {
            headers.remove("Content-Encoding")
            return HTTPResponse(status: .notModified, headers: headers)
        }
        if request.method == .head {
            headers["Content-Length"] = String(body.count)
            return HTTPResponse(status: .ok, headers: headers)
        }
        return HTTPResponse(status: .ok, headers: headers, body: .bytes(body))
    }

    private static var methodNotAllowed: HTTPResponse {
        var response = plain(.methodNotAllowed)
        response.headers["Allow"] = "GET, HEAD"
        return response
    }

    /// The file for `relative`, from the cache if its `stat` is unchanged, else read and checked.
    private func load(_ relative: String, cachedOnly: Bool) -> FileCache.Entry? {
        var path = relative.isEmpty ? root : root + "/" + relative
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if info.st_mode & S_IFMT == S_IFDIR {
            path += "/" + indexFile
            guard stat(path, &info) == 0 else { return nil }
        }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        let identity = FileCache.Identity(info)
        if let cached = cache.lookup(path, identity) { return cached }
        if cachedOnly { return nil }
        // Symlinks are resolved here: whatever the path names must really live under the root.
        guard let real = Self.realPath(path), real.hasPrefix(root + "/") else { return nil }
        guard let bytes = Self.read(real, expected: Int(info.st_size)) else { return nil }
        let contentType = ContentType.forPath(real)
        let etag = EntityTag.make(
            inode: UInt64(info.st_ino), size: bytes.count,
            modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec))
        // The fields are the same on every answer for this version of the file: checked and
        // encoded once, here.
        // Compressed once per version of a file the cache keeps; a larger file, read again on every
        // request, is sent as it is rather than compressed every time.
        let packed = bytes.count <= maxCachedFileBytes && GzipForm.suits(contentType: contentType) ? GzipForm(bytes)?.bytes : nil
        func headers(etag: String, coding: [(String, String)]) -> HTTPHeaders {
            var headers = HTTPHeaders()
            headers.set(HeaderBlock([
                ("Content-Type", contentType), ("ETag", etag), ("Cache-Control", cacheControl),
                ("X-Content-Type-Options", "nosniff"),
            ] + coding))
            return headers
        }
        let vary = packed == nil ? [] : [("Vary", "Accept-Encoding")]
        let entry = FileCache.Entry(
            identity: identity, bytes: bytes, contentType: contentType, etag: etag, cacheControl: cacheControl,
            headers: headers(etag: etag, coding: vary),
            gzip: packed.map { ($0, headers(etag: EntityTag.gzipVariant(of: etag), coding: vary + [("Content-Encoding", "gzip")])) })
        if bytes.count <= maxCachedFileBytes { cache.store(path, entry) }
        return entry
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func read(_ path: String, expected: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(expected, 0))
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress?.advanced(by: total), $0.count - total) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            total += count
        }
        return total == bytes.count ? bytes : Array(bytes[0..<total])
    }

    static func plain(_ status: HTTPStatus) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", text: status.reason + "\n")
    }
}
