/// One answer to "which of these two better serves our goals?": a choice between two proposals, or a
/// skip. A participant answers each pair at most once.
public struct Comparison: Codable, Sendable, Hashable {
    public var participantID: Int64
    public var pair: ProposalPair
    /// The proposal chosen (one of `pair`); nil when the participant skipped the pair.
    public var winner: Int64?

    /// A choice; nil when `winner` and `loser` are the same proposal.
    public init?(participantID: Int64, winner: Int64, loser: Int64) {
        guard let pair = ProposalPair(winner, loser) else { return nil }
        self.participantID = participantID
        self.pair = pair
        self.winner = winner
    }

    /// A skipped pair.
    public init(participantID: Int64, skipped pair: ProposalPair) {
        self.participantID = participantID
        self.pair = pair
        winner = nil
    }

    /// The proposal not chosen; nil for a skip.
    public var loser: Int64? { winner.flatMap { pair.other(than: $0) } }

    public var isSkip: Bool { winner == nil }
}
