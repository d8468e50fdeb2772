/// The best and worst rank a proposal could take within the uncertainty of every overall score.
///
/// `best` = 1 + proposals whose interval lies wholly above this one's; `worst` = proposals whose
/// interval reaches this one's low end (itself included). The actual rank is always within.
public struct RankRange: Codable, Sendable, Hashable {
    public var best: Int
    public var worst: Int

    public init(best: Int, worst: Int) {
        self.best = best
        self.worst = worst
    }

    /// How many positions the proposal could move: `worst − best`.
    public var spread: Int { worst - best }
}
