/// A body kept in memory and its gzip form, made once on first demand (one thread compresses, any
/// others asking meanwhile wait for it) and only used when it is smaller. Bodies under
/// ``minimumSize`` are not worth a coding: `init` returns nil for them.
public final class GzipForm: Sendable {
    /// Below this, the gzip frame and a client's inflating cost more than the bytes saved.
    public static let minimumSize = 1_024

    private enum State: Sendable {
        case notYet
        case smaller([UInt8])
        case notSmaller
    }

    private let source: [UInt8]
    private let state = Locked(State.notYet)

    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= Self.minimumSize else { return nil }
        source = bytes
    }

    /// The gzip bytes, or nil when they would not be smaller than the body.
    public var bytes: [UInt8]? {
        state.withLock { state in
            if case .notYet = state {
                let packed = Gzip.compress(source)
                state = packed.count < source.count ? .smaller(packed) : .notSmaller
            }
            if case .smaller(let packed) = state { return packed }
            return nil
        }
    }

    /// Whether the gzip form has been made (or found not to be smaller): asking for it is cheap.
    public var isMade: Bool {
        state.withLock { state in
            if case .notYet = state { return false }
            return true
        }
    }

    /// Whether the media type is text that compresses (HTML, CSS, JavaScript, JSON, SVG, CSV, plain).
    public static func suits(contentType: String) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
        return type.hasPrefix("text/") || type == "application/json" || type == "application/manifest+json"
            || type == "image/svg+xml" || type == "application/javascript"
    }
}
