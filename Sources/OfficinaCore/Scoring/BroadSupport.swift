import Foundation

/// Support that holds across participant groups (docs/scoring.md §19), after Pol.is' group-informed
/// consensus: the product over groups of each group's smoothed support share.
///
/// `consensus` is that product; `score` is its geometric mean (the product's G-th root for G groups),
/// on the same 0…1 scale whatever the number of groups: it is what replaces the support share in the
/// overall when a workshop weighs broad support in. Both order proposals the same way.
public struct BroadSupport: Codable, Sendable, Hashable {
    /// Π over groups of (agree + 1) / (seen + 2).
    public var consensus: Double
    /// consensus^(1/G).
    public var score: Double
    /// Per group key.
    public var groups: [String: GroupSupport]
    /// The group that alone carries the proposal: its share is at least `carriedLead` and at least twice
    /// every other group's. Nil when support is broad, or with fewer than two groups.
    public var carriedBy: String?

    /// A lead group backs it clearly (smoothed share ≥ 0.6) and at least twice as much as any other.
    public static let carriedLead = 0.6

    public init(consensus: Double, score: Double, groups: [String: GroupSupport], carriedBy: String?) {
        self.consensus = consensus
        self.score = score
        self.groups = groups
        self.carriedBy = carriedBy
    }

    /// The figure for one proposal from its per-group counts, `order` listing the groups that voted.
    /// With no group it is ½ (nothing known), never NaN.
    public init(groups: [String: GroupSupport], order: [String]) {
        var product = 1.0
        var logSum = 0.0
        for key in order {
            let share = groups[key]?.share ?? 0.5
            product *= share
            logSum += log(share)
        }
        consensus = order.isEmpty ? 0.5 : product
        score = order.isEmpty ? 0.5 : exp(logSum / Double(order.count))
        self.groups = groups
        carriedBy = nil
        guard order.count >= 2 else { return }
        let shares = order.map { groups[$0]?.share ?? 0.5 }
        guard let lead = shares.indices.max(by: { shares[$0] < shares[$1] }), shares[lead] >= Self.carriedLead else { return }
        if shares.indices.allSatisfy({ $0 == lead || 2 * shares[$0] <= shares[lead] }) { carriedBy = order[lead] }
    }
}
