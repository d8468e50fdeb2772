/// How one participant group received one proposal (docs/scoring.md §19).
///
/// `seen` counts the group's ballots that engaged with the proposal: rated it on any goal or gave it
/// support (when ratings are off, every ballot of the group). `agree` counts those that back it: gave it
/// support, or rated it above the scale's midpoint on average. `share` is the smoothed share
/// (agree + 1) / (seen + 2), ½ when nobody in the group has seen it.
public struct GroupSupport: Codable, Sendable, Hashable {
    public var seen: Int
    public var agree: Int
    public var share: Double

    public init(seen: Int, agree: Int) {
        self.seen = seen
        self.agree = agree
        share = Double(agree + 1) / Double(seen + 2)
    }
}
