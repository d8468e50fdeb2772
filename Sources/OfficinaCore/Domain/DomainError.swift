/// A rule of the domain that a request broke. Mapped to the JSON error shape in one place (OfficinaApp).
public struct DomainError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Input is malformed or out of range (422).
        case invalid
        /// The workshop's phase forbids this (409, code `phase`).
        case phase
        /// Settings are locked because ballots exist (409, code `locked`).
        case locked
        /// Something referenced does not exist (404).
        case notFound
        /// The caller may not do this (403).
        case forbidden
        /// A conflicting state, e.g. a duplicate (409).
        case conflict
    }

    public var kind: Kind
    /// A stable machine-readable code, e.g. `phase`, `budget`, `cap`, `title_too_long`.
    public var code: String
    /// A human-readable message naming the field or phase.
    public var message: String
    /// The offending field, when there is one.
    public var field: String?

    public init(_ kind: Kind, code: String, _ message: String, field: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.field = field
    }

    public var description: String { "\(code): \(message)" }
}
