/// Which formulas turn ballots into goal scores (docs/scoring.md). Stored per workshop so an old
/// workshop keeps reproducing the results it published.
public enum ScoringMethod: String, Codable, Sendable, Hashable, CaseIterable {
    /// Bayesian average of the raw ratings.
    case officina1 = "officina-1"
    /// Ratings adjusted for each rater's generosity (`RaterCalibration`), then the same shrinkage.
    case officina2 = "officina-2"

    /// The method of new workshops.
    public static let `default` = ScoringMethod.officina2
}
