/// How much the room backs one proposal.
///
/// `share` is supporters ÷ ballots for approval, or dots ÷ (cap × ballots) for dots, so it is 0…1 either
/// way; `lower`/`upper` are its Wilson interval. The overall uses `lower`: with the number of ballots the
/// same for every proposal it orders proposals exactly as the share does, and it counts for little while
/// few ballots are in.
public struct SupportScore: Codable, Sendable, Hashable {
    public var share: Double
    public var lower: Double
    public var upper: Double
    /// Support units received: dots, or approvals (then equal to `supporters`).
    public var dots: Int
    /// Participants who gave it any support, each counted once.
    public var supporters: Int

    public init(share: Double, lower: Double, upper: Double, dots: Int, supporters: Int) {
        self.share = share
        self.lower = lower
        self.upper = upper
        self.dots = dots
        self.supporters = supporters
    }
}
