/// The ratings each goal score is computed from, per proposal × goal cell (index `p * goals + g`):
/// raw for `officina-1`, adjusted for each rater's generosity for `officina-2`.
struct GoalEvidence {
    /// Ratings counted in the cell.
    var count: [Int]
    /// Their sum and sum of squares.
    var sum: [Double]
    var squares: [Double]
    /// The raw integer sums when the ratings are not adjusted: serving a goal is then decided on
    /// integers (docs/scoring.md §6); nil for adjusted ratings.
    var integerSum: [Int]?
    /// Raters whose ratings were set aside as carrying no comparison (every rating the same value).
    var uninformativeRaters: Int
    /// Whether the ratings were adjusted for each rater's generosity.
    var calibrated: Bool

    /// The raw tallies, as `officina-1` reads them.
    init(raw tally: RankingTally) {
        count = tally.ratingCount
        sum = tally.ratingSum.map(Double.init)
        squares = tally.ratingSquares.map(Double.init)
        integerSum = tally.ratingSum
        uninformativeRaters = 0
        calibrated = false
    }

    init(count: [Int], sum: [Double], squares: [Double], uninformativeRaters: Int) {
        self.count = count
        self.sum = sum
        self.squares = squares
        integerSum = nil
        self.uninformativeRaters = uninformativeRaters
        calibrated = true
    }
}
