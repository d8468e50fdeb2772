/// How participants vote. Each method's rules and scoring live in one `VotingStrategy` type
/// (`VotingMethod.strategy`), so adding a method touches that type and its page, not every caller.
public enum VotingMethod: String, Codable, Sendable, CaseIterable {
    /// Each participant supports any number of proposals, one vote each (and rates them, if asked).
    case approval
    /// Each participant spreads a budget of dots, at most `perProposalCap` on one proposal (and rates
    /// them, if asked).
    case dots
    /// Each participant answers "which of these two better serves our goals?" for pairs the server
    /// picks; a Bradley–Terry model ranks the proposals.
    case pairwise
}
