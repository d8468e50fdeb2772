/// One ranking computation: normalises the input once, then derives each figure of the `Ranking`.
struct RankingComputation {
    /// A rating's scale: 0…4, midpoint 2, and the variance of a rating spread evenly over it.
    static let scaleMaximum = Double(Ballot.maxRating)
    static let scaleMidpoint = scaleMaximum / 2
    static let uniformVariance = 2.0
    /// Pseudo degrees of freedom of the variance prior (docs/scoring.md, "Intervals").
    static let variancePriorWeight = 1.0

    let input: ScoringInput
    let configuration: ScoringConfiguration
    let z: Double
    /// Goals with duplicate keys dropped and weights made finite and non-negative.
    let goals: [Goal]
    let weightTotal: Double
    /// Share of the overall from goals (α) and from support (β = 1 − α).
    let goalShare: Double
    let supportShare: Double
    /// Ranked proposals, by ascending id.
    let candidates: [RankingCandidate]
    let excluded: [ExcludedProposal]
    /// Merged, one per participant (empty when the ranking reads ``TalliedBallots``).
    let ballots: [Ballot]
    /// Ballots counted: `ballots.count`, or the tallies' count.
    let ballotCount: Int
    let cap: Int
    let tally: RankingTally
    /// The ratings the goal scores read: raw (`officina-1`) or adjusted per rater (`officina-2`).
    let evidence: GoalEvidence
    /// `officina-2`'s fitted offsets (nil for `officina-1`): the settled bootstrap reads them.
    let calibration: RaterCalibration?

    init(input: ScoringInput, configuration: ScoringConfiguration) {
        self.input = input
        self.configuration = configuration.sanitised
        z = StandardNormal.criticalValue(level: self.configuration.intervalLevel)

        let prepared = ScoringPreparation(input)
        goals = prepared.goals
        weightTotal = goals.reduce(0) { $0 + $1.weight }
        let ratingsCount = input.settings.ratingsEnabled && weightTotal > 0
        goalShare = ratingsCount ? 1 - self.configuration.supportWeight : 0
        supportShare = 1 - goalShare

        let all = prepared.all
        candidates = prepared.candidates
        excluded = prepared.excluded

        cap = input.supportCap
        var index: [Int64: Int] = [:]
        for (position, candidate) in candidates.enumerated() { index[candidate.id] = position }
        var goalIndex: [String: Int] = [:]
        for (position, goal) in goals.enumerated() { goalIndex[goal.key] = position }
        let calibrate = self.configuration.method == .officina2
        let fromTallies: Bool
        if let tallied = input.tallied,
           TalliedBallots.suffice(for: input, method: self.configuration.method, bridging: self.configuration.bridging) {
            // The App counted the tallies with authors known (`BallotCounting+Sums`).
            fromTallies = true
            ballots = []
            ballotCount = tallied.ballots
            tally = RankingTally(
                sums: tallied.sums, index: index, goalIndex: goalIndex, cap: cap, countRatings: input.settings.ratingsEnabled)
        } else {
            fromTallies = false
            if input.ballotsCounted {
                // The App counted them with authors known, one per participant (`WorkshopResults`):
                // counting again would change nothing and cost a pass over every ballot.
                ballots = input.ballots
            } else {
                var latest: [Int64: Ballot] = [:]
                for ballot in input.ballots { latest[ballot.participantID] = ballot }
                let unique = latest.values.sorted { $0.participantID < $1.participantID }
                // The one counting rule (`BallotCounting`); counting a counted ballot again changes nothing.
                var statuses: [Int64: ProposalStatus] = [:]
                for candidate in all { statuses[candidate.id] = candidate.status }
                let counting = BallotCounting(statuses: statuses, authors: [:], cap: cap)
                ballots = unique.map { counting.count($0).ballot }
            }
            ballotCount = ballots.count
            tally = RankingTally(
                ballots: ballots, index: index, goalIndex: goalIndex, cap: cap,
                countRatings: input.settings.ratingsEnabled, keepRatings: calibrate
            )
        }
        // Tallies hold no ballot one by one: the settled bootstrap, which resamples ballots, needs
        // them, so a ranking read from tallies keeps no calibration for it (it draws from the posterior).
        calibration = calibrate && !fromTallies
            ? RaterCalibration(
                tally: tally, raters: ballotCount, goalCount: goals.count,
                priorStrength: self.configuration.priorStrength, passes: self.configuration.calibrationPasses
            )
            : nil
        evidence = calibration?.evidence ?? GoalEvidence(raw: tally)
    }

    /// The normalised weight of goal `g` (0 when every weight is 0).
    func normalisedWeight(_ g: Int) -> Double {
        weightTotal > 0 ? goals[g].weight / weightTotal : 0
    }
}
