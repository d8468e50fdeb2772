/// The bounds the decoder enforces before it allocates anything a client asked for
/// (STYLE.md pitfalls 2 and 3). `ServerConfiguration` carries the same fields.
public struct RequestLimits: Sendable, Equatable {
    /// Longest request line, without its CRLF. Default 8 KiB; over it answers 414.
    public var maxRequestLineBytes: Int
    /// Longest header block (every field line with its CRLF). Default 32 KiB; over it answers 431.
    public var maxHeaderBytes: Int
    /// Most header fields. Default 100; over it answers 431.
    public var maxHeaderCount: Int
    /// Largest body, declared or decoded. Default 1 MiB; over it answers 413.
    public var maxBodyBytes: Int

    public init(
        maxRequestLineBytes: Int = 8 * 1024, maxHeaderBytes: Int = 32 * 1024,
        maxHeaderCount: Int = 100, maxBodyBytes: Int = 1024 * 1024
    ) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
    }
}
