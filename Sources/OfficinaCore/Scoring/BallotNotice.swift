/// Why part of a cast ballot counts differently from how it was cast: what a voter is told when a
/// facilitator's merge or hide changed the meaning of their ballot (docs/rules.md, "Merges").
public struct BallotNotice: Codable, Sendable, Hashable {
    public enum Reason: String, Codable, Sendable, Hashable {
        /// The proposal was merged; its dots count on `into`.
        case merged
        /// The dots that now meet on one proposal were more than the cap; `counted` of them count.
        case capped
        /// The proposal (or the one it was merged into) is hidden: its dots do not count.
        case hidden
        /// The proposal was merged into the voter's own proposal: the dots do not count.
        case ownProposal = "own_proposal"
    }

    public var reason: Reason
    /// The proposal the voter put the dots on (for `capped`, the proposal where they met).
    public var proposal: Int64
    /// Where a merged proposal's dots went, after following chains of merges.
    public var into: Int64?
    /// Dots as cast (for `capped`, the sum that met on `proposal`).
    public var dots: Int
    /// Dots that count.
    public var counted: Int

    public init(_ reason: Reason, proposal: Int64, into: Int64? = nil, dots: Int, counted: Int) {
        self.reason = reason
        self.proposal = proposal
        self.into = into
        self.dots = dots
        self.counted = counted
    }
}
