/// A cast ballot as it counts today (``BallotCounting``), with a notice for every difference.
public struct CountedBallot: Sendable, Hashable {
    /// Support and ratings that count: only visible proposals, within the cap, never the voter's own.
    public var ballot: Ballot
    /// Empty when the ballot counts exactly as cast.
    public var notices: [BallotNotice]

    public init(ballot: Ballot, notices: [BallotNotice] = []) {
        self.ballot = ballot
        self.notices = notices
    }
}
