extension RankingTally {
    /// The same integer sums as tallying the counted ballots one by one, read from their histograms
    /// (``TalliedBallots``): O(proposals × goals × values) instead of O(ballots). Keeps no rating
    /// one by one, so it cannot feed `RaterCalibration`'s ratings.
    init(sums: BallotSums, index: [Int64: Int], goalIndex: [String: Int], cap: Int, countRatings: Bool) {
        self.init(ballots: [], index: index, goalIndex: goalIndex, cap: cap, countRatings: countRatings)
        for (id, histogram) in sums.support {
            guard let p = index[id] else { continue }
            for (given, ballots) in histogram where given > 0 {
                let units = min(given, cap)
                self.units[p] += units * ballots
                unitSquares[p] += units * units * ballots
                supporters[p] += ballots
            }
        }
        guard countRatings else { return }
        for (id, goals) in sums.ratings {
            guard let p = index[id] else { continue }
            for (key, values) in goals {
                guard let g = goalIndex[key] else { continue }
                let cell = p * goalCount + g
                for (value, ballots) in values {
                    let rating = min(max(value, 0), Ballot.maxRating)
                    ratingCount[cell] += ballots
                    ratingSum[cell] += rating * ballots
                    ratingSquares[cell] += rating * rating * ballots
                }
            }
        }
    }
}
