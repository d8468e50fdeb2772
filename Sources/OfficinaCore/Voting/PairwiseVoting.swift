/// Pairwise voting ("which of these two better serves our goals?", as All Our Ideas and Gavel do):
/// the server picks each participant's next pair (`PairSelection`), a participant chooses one or skips,
/// and a Bradley–Terry model with a Gaussian prior ranks the proposals (`PairwiseRanking`).
public struct PairwiseVoting: VotingStrategy {
    public init() {}

    public var method: VotingMethod { .pairwise }

    public var names: LocalizedText {
        LocalizedText(it: "confronti a coppie", en: "pairwise comparisons")
    }

    public var collectsBallots: Bool { false }
    public var collectsComparisons: Bool { true }

    public func supportCap(_ settings: WorkshopSettings) -> Int { 1 }

    public func rank(_ input: ScoringInput, comparisons: [Comparison], configuration: ScoringConfiguration) -> Ranking {
        PairwiseRanking.compute(input, comparisons: comparisons, configuration: configuration)
    }
}
