import Foundation

/// The ranking of a pairwise workshop (docs/scoring.md, "Pairwise method"), in the same `Ranking`
/// shape as the ballot methods so explanations, exports and pages read it unchanged.
///
/// Log-strengths θ come from `BradleyTerryFit`. The overall is 100·σ(θ): the chance, in the model,
/// that the proposal is chosen over a typical one (θ = 0); its interval is 100·σ(θ ± z·sd). The
/// "support" part carries the whole overall, and its share is the plain fraction of comparisons won.
/// Goal scores are not asked for (a pair is judged against all goals together), so each goal shows
/// no ratings and the shortlist covers goals through the goals authors tagged.
public enum PairwiseRanking {
    /// The method's name in a ranking's `method.name`.
    public static let methodName = "pairwise-1"
    /// The prior variance v of every log-strength (`BradleyTerryFit`). 1 means a proposal with no
    /// comparisons is expected to beat a typical one between 12% and 88% of the time (θ within ±2);
    /// in the quality bench 2 did as well (τ 0.924 against 0.918, within the trials' noise).
    public static let defaultPriorVariance = 1.0

    /// Ranks `input.candidates` from `comparisons`; `configuration` gives the interval level, the
    /// settled and shortlist sizes and the language. Pure and deterministic.
    public static func compute(
        _ input: ScoringInput, comparisons: [Comparison], configuration: ScoringConfiguration = .default,
        priorVariance: Double = defaultPriorVariance
    ) -> Ranking {
        PairwiseComputation(input: input, comparisons: comparisons, configuration: configuration, priorVariance: priorVariance)
            .ranking()
    }
}
