extension VotingMethod {
    /// The rules and scoring of this method: the one place that maps a method to its type.
    public var strategy: any VotingStrategy {
        switch self {
        case .approval, .dots: BallotVoting(method: self)
        case .pairwise: PairwiseVoting()
        }
    }
}
