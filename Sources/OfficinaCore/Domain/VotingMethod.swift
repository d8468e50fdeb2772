/// How participants express support.
public enum VotingMethod: String, Codable, Sendable, CaseIterable {
    /// Each participant supports any number of proposals, one vote each.
    case approval
    /// Each participant spreads a budget of dots, at most `perProposalCap` on one proposal.
    case dots
}
