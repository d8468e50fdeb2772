/// A failure to start or run the server, carrying the system call, `errno` and its text.
///
///     do { try server.start() } catch let error as HTTPServerError where error.code == EADDRINUSE { ... }
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// What the server was doing, e.g. `bind 127.0.0.1:8080`.
    public var operation: String
    /// The `errno` value (0 when the failure did not come from a system call).
    public var code: Int32
    /// `strerror(code)`, e.g. "Address already in use".
    public var message: String

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
        self.message = code == 0 ? "failed" : errorMessage(code)
    }

    init(operation: String, message: String) {
        self.operation = operation
        self.code = 0
        self.message = message
    }

    public var description: String { "\(operation): \(message)" }
}
