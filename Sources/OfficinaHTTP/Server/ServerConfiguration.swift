#if canImport(Glibc)
import Glibc
#endif

/// Every limit of the server, each a named field with its default. Durations are in seconds.
///
///     var configuration = ServerConfiguration()
///     configuration.port = 0            // any free port; read it back from `server.port`
///     configuration.maxBodyBytes = 64 * 1024
public struct ServerConfiguration: Sendable {
    /// Address to listen on, IPv4 or IPv6 literal or a host name. Default `127.0.0.1`.
    public var host: String = "127.0.0.1"
    /// TCP port. Default 8080; 0 picks a free ephemeral port.
    public var port: Int = 8080
    /// Event-loop threads. Default: one per online core.
    public var ioThreads: Int = ServerConfiguration.onlineCores
    /// Threads that run handlers (a task executor of the server's own, see `HTTPServer`).
    /// Handlers that block, e.g. on SQLite, each hold one. Default: twice the cores, at least 4.
    public var handlerThreads: Int = max(4, 2 * ServerConfiguration.onlineCores)
    /// Most connections open at once, live streams included; past it a new connection gets 503
    /// and is closed. Default 16,384. The server raises its soft open-file limit to the hard one.
    public var maxConnections: Int = 16_384
    /// Connections event streams can never take: a stream is refused (503 `too_many_streams`)
    /// while `maxConnections - reservedRequestConnections` streams are open, so ordinary requests
    /// (`/healthz`, votes) always find a slot. Default 1,024.
    public var reservedRequestConnections: Int = 1_024
    /// Longest request line. Default 8 KiB; past it, 414 (RFC 9112 §3).
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Largest header block. Default 32 KiB; past it, 431 (RFC 6585 §5).
    public var maxHeaderBytes: Int = 32 * 1024
    /// Most header fields. Default 100; past it, 431.
    public var maxHeaderCount: Int = 100
    /// Largest request body. Default 1 MiB; past it, 413 (RFC 9110 §15.5.14).
    public var maxBodyBytes: Int = 1024 * 1024
    /// Time from a request's first byte (or the connection's opening) to the end of its head.
    /// Default 10 s; past it, 408 and close.
    public var headerTimeout: Double = 10
    /// Time from the end of a request's head to the end of its body. Default 30 s (1 MiB at
    /// 35 KB/s); past it, 408 and close, however steadily the bytes trickle in.
    public var bodyTimeout: Double = 30
    /// Longest pause between two reads of a body. Default 10 s; past it, 408 and close.
    public var bodyStallTimeout: Double = 10
    /// Time a keep-alive connection may sit without a request, or a body or response stall.
    /// Default 60 s; past it the connection is closed. Event streams are exempt.
    public var idleTimeout: Double = 60
    /// Output an event stream may have waiting for a slow client before it is dropped. Default 256 KiB.
    public var sseMaxPendingBytes: Int = 256 * 1024
    /// Interval between heartbeat comments on an idle event stream. Default 15 s.
    public var sseHeartbeat: Double = 15
    /// After an error response, how long to read and discard what the client still sends before
    /// closing, so its unread bytes do not turn our response into a reset. Default 1 s.
    public var lingerTimeout: Double = 1
    /// Pause before accepting again when the process is out of descriptors (EMFILE). Default 0.1 s.
    public var acceptBackoff: Double = 0.1
    /// Longest `shutdown()` waits for in-flight requests (and for the last bytes of ended streams
    /// to reach clients) before closing what remains. Default 3 s, so SIGTERM ends the process
    /// within 5 s whatever the clients do.
    public var shutdownTimeout: Double = 3
    /// Access log: one line per request on stdout by default.
    public var accessLog: AccessLog = .standardOutput

    public init() {}

    /// Most event streams open at once: `maxConnections - reservedRequestConnections`, reserving
    /// at most half the connections (a small `maxConnections` still serves streams).
    public var maxEventStreams: Int { max(1, maxConnections - min(max(0, reservedRequestConnections), maxConnections / 2)) }

    /// The bounds the request decoder enforces.
    public var requestLimits: RequestLimits {
        RequestLimits(
            maxRequestLineBytes: maxRequestLineBytes, maxHeaderBytes: maxHeaderBytes,
            maxHeaderCount: maxHeaderCount, maxBodyBytes: maxBodyBytes)
    }

    static var onlineCores: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
