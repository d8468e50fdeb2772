/// Today's method: each participant's ballot gives support (approval, or dots within a budget) and,
/// when asked, 0–4 ratings per goal; `Ranking.compute` combines them (docs/scoring.md).
public struct BallotVoting: VotingStrategy {
    /// `approval` or `dots`.
    public let method: VotingMethod

    public init(method: VotingMethod) {
        self.method = method
    }

    public var names: LocalizedText {
        method == .approval
            ? LocalizedText(it: "approvazione e valutazioni", en: "approval and ratings")
            : LocalizedText(it: "punti e valutazioni", en: "dots and ratings")
    }

    public var collectsBallots: Bool { true }
    public var collectsComparisons: Bool { false }

    /// 1 for approval, else the per-proposal cap (never more than the budget, never less than 1).
    public func supportCap(_ settings: WorkshopSettings) -> Int {
        method == .approval ? 1 : max(1, min(settings.perProposalCap, max(settings.dotBudget, 1)))
    }

    /// Comparisons play no part: a ballot workshop never accepts them.
    public func rank(_ input: ScoringInput, comparisons: [Comparison], configuration: ScoringConfiguration) -> Ranking {
        Ranking.compute(input, configuration: configuration)
    }
}
