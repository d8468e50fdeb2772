/// Two different proposals, the smaller id first, so a pair shown as (7, 3) and one shown as (3, 7)
/// are the same pair.
public struct ProposalPair: Codable, Sendable, Hashable {
    public let low: Int64
    public let high: Int64

    /// Nil when `a == b`: a proposal is never compared with itself.
    public init?(_ a: Int64, _ b: Int64) {
        guard a != b else { return nil }
        low = min(a, b)
        high = max(a, b)
    }

    public func contains(_ id: Int64) -> Bool { id == low || id == high }

    /// The other member of the pair, or nil when `id` is not in it.
    public func other(than id: Int64) -> Int64? {
        id == low ? high : id == high ? low : nil
    }
}
