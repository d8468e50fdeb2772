#if canImport(Glibc)
import Glibc
#endif

/// Where access-log entries go. A Boolean literal works too: `true` is stdout, `false` is off.
public enum AccessLog: Sendable, ExpressibleByBooleanLiteral {
    case disabled
    /// One line per request on stdout: time, method, path, status, body bytes, microseconds.
    case standardOutput
    case custom(@Sendable (AccessLogEntry) -> Void)

    public init(booleanLiteral value: Bool) {
        self = value ? .standardOutput : .disabled
    }

    func record(_ entry: AccessLogEntry) {
        switch self {
        case .disabled:
            return
        case .standardOutput:
            // One write per line: lines from several threads never interleave.
            var line = Array(entry.line.utf8)
            line.append(0x0A)
            _ = line.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
        case .custom(let sink):
            sink(entry)
        }
    }
}
