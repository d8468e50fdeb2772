import Foundation

/// A person's consent to be contacted, as given: which text they agreed to (its version) and when.
public struct ConsentRecord: Sendable, Hashable {
    /// The version of the consent text shown, e.g. `offer-contact-1`.
    public var version: String
    public var at: Date

    public init(version: String, at: Date) {
        self.version = version
        self.at = at
    }
}
