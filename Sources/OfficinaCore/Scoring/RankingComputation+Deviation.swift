/// The standard deviation the settled probability draws each overall with (docs/scoring.md §16).
extension RankingComputation {
    /// √(Σ goal half-widths² / z² + support sd²). The goal parts are the intervals' own (half-width ÷ z).
    /// The support part is the standard error of the support share from the ballots' own spread of
    /// units, not Wilson's binomial one: with dots a ballot gives 0…cap, and a binomial on the share
    /// overstates how much a proposal backed by its viewers' 2 dots can move (by a third at a share
    /// of 0.1). One pseudo-ballot at 0 and one at the cap keep the spread above 0 (as Laplace's rule
    /// does for a share): a proposal nobody backed is not certain to stay at 0.
    func posteriorDeviation(_ p: Int, goalSquares: Double) -> Double {
        guard z > 0 else { return 0 }
        let ballotsCount = Double(ballotCount)
        var supportVariance = 0.0
        if ballotsCount > 0 {
            let c = Double(cap)
            let n = ballotsCount + 2
            let mean = (Double(tally.units[p]) + c) / n
            let spread = max((Double(tally.unitSquares[p]) + c * c) / n - mean * mean, 0)
            let shareSD = (spread / ballotsCount).squareRoot() / c
            supportVariance = (100 * supportShare * shareSD) * (100 * supportShare * shareSD)
        }
        return (goalSquares / (z * z) + supportVariance).squareRoot()
    }
}
