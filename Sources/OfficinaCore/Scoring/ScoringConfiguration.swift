/// The tunable parts of the scoring method, each with a documented default (see docs/scoring.md).
///
/// Values out of range are not errors: `Ranking.compute` replaces them with the nearest sensible value
/// (`sanitised`), so a bad setting can never produce NaN or a crash.
public struct ScoringConfiguration: Codable, Sendable, Hashable {
    /// The first method's name (`ScoringMethod.officina1`); a ranking states the method it used.
    public static let methodName = ScoringMethod.officina1.rawValue

    /// Which formulas give the goal scores. Default `officina-1` here, so a computation that does not
    /// choose reproduces the first method; workshops choose through `ScoringPreferences`.
    public var method: ScoringMethod
    /// Alternating least-squares passes of `officina-2`'s rater calibration. Default 10; clamped 1…100.
    public var calibrationPasses: Int

    /// Prior strength `m`: how many pseudo-ratings at the workshop's mean for a goal each proposal starts
    /// with. 2 lets one or two ratings move a score only part of the way; with 10 ratings the prior's
    /// share is 2/12. Default 2; 0 disables shrinkage.
    public var priorStrength: Double
    /// Two-sided level of every interval (goal scores, support, overall). Default 0.9 (z ≈ 1.645):
    /// rooms of 10–40 people rarely separate at 0.95. Clamped to 0.5…0.999.
    public var intervalLevel: Double
    /// Share of the overall that comes from support, the rest from the weighted goal scores.
    /// Default 0.4. When ratings are off, or every goal weighs 0, support carries the whole overall.
    public var supportWeight: Double
    /// How many proposals at the top the `settled` signal watches. Default 3.
    public var settledK: Int
    /// How many proposals the goal-covering shortlist holds. Default 5.
    public var shortlistK: Int
    /// Language of the `explanation` and `message` strings (`it` or `en`); both are always included too.
    public var language: String
    /// Weigh broad support (support across participant groups) into the overall instead of the room's
    /// support share (docs/scoring.md §19). Default off; no effect unless two or more groups voted.
    public var bridging = false

    public init(
        priorStrength: Double = 2,
        intervalLevel: Double = 0.9,
        supportWeight: Double = 0.4,
        settledK: Int = 3,
        shortlistK: Int = 5,
        language: String = "it",
        method: ScoringMethod = .officina1,
        calibrationPasses: Int = 10
    ) {
        self.method = method
        self.calibrationPasses = calibrationPasses
        self.priorStrength = priorStrength
        self.intervalLevel = intervalLevel
        self.supportWeight = supportWeight
        self.settledK = settledK
        self.shortlistK = shortlistK
        self.language = language
    }

    public static let `default` = ScoringConfiguration()

    /// The configuration with every value brought into its valid range (non-finite values → defaults).
    public var sanitised: ScoringConfiguration {
        let fallback = ScoringConfiguration.default
        var result = self
        result.priorStrength = priorStrength.isFinite ? min(max(priorStrength, 0), 1_000) : fallback.priorStrength
        result.intervalLevel = intervalLevel.isFinite ? min(max(intervalLevel, 0.5), 0.999) : fallback.intervalLevel
        result.supportWeight = supportWeight.isFinite ? min(max(supportWeight, 0), 1) : fallback.supportWeight
        result.settledK = max(1, settledK)
        result.shortlistK = max(1, shortlistK)
        result.language = language.hasPrefix("en") ? "en" : "it"
        result.calibrationPasses = min(max(calibrationPasses, 1), 100)
        return result
    }
}
