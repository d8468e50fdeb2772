import Foundation

/// One entry of a workshop's phase log: who moved it, from where, to where, when.
public struct PhaseChange: Codable, Sendable, Hashable {
    public var from: Phase
    public var to: Phase
    public var by: String
    public var at: Date

    public init(from: Phase, to: Phase, by: String, at: Date) {
        self.from = from
        self.to = to
        self.by = by
        self.at = at
    }
}
