/// One way of voting: what participants send, what the server accepts, and how it becomes a ranking.
///
/// Each `VotingMethod` has exactly one strategy (`VotingMethod.strategy`); callers ask the strategy
/// rather than switching on the method, so a new method is one new type plus its page.
///
/// ```swift
/// let strategy = workshop.settings.votingMethod.strategy
/// guard strategy.collectsComparisons else { throw … }
/// let ranking = strategy.rank(input, comparisons: comparisons, configuration: configuration)
/// ```
public protocol VotingStrategy: Sendable {
    var method: VotingMethod { get }
    /// The method's name for people, in Italian and English.
    var names: LocalizedText { get }
    /// Whether participants fill in a ballot (support and ratings): `PUT …/ballot`.
    var collectsBallots: Bool { get }
    /// Whether participants answer pairs: `GET …/pair`, `POST …/comparisons`.
    var collectsComparisons: Bool { get }
    /// Support units one ballot can give one proposal (1 when ballots carry no dots).
    func supportCap(_ settings: WorkshopSettings) -> Int
    /// The workshop's ranking from everything participants sent: pure and deterministic.
    func rank(_ input: ScoringInput, comparisons: [Comparison], configuration: ScoringConfiguration) -> Ranking
}
