import OfficinaCore

/// The reference the shipped settled probability is checked against in `officina-bench quality
/// --bootstrap B` (benchmarks/quality.md): a plain ballot bootstrap. Each of `resamples` times, draw as
/// many ballots as the room has, with replacement, rescore them with `Ranking.compute` from scratch
/// (rater calibration, support, everything), and count how often the resample's top k set is the
/// ranking's. Far too slow for the server (a full rescoring per resample); exact in what it resamples.
func bootstrapSettled(
    _ input: ScoringInput, configuration: ScoringConfiguration, top: Set<Int64>, resamples: Int, seed: UInt64
) -> Double {
    guard resamples > 0, !input.ballots.isEmpty else { return 0 }
    var random = SplitMix64(seed: seed)
    let k = top.count
    var same = 0
    for _ in 0..<resamples {
        var copy = input
        copy.ballots = (0..<input.ballots.count).map { position in
            var ballot = input.ballots[Int(random.next() % UInt64(input.ballots.count))]
            // A drawn ballot counts as another participant each time it is drawn.
            ballot.participantID = Int64(position + 1)
            return ballot
        }
        copy.participants = copy.ballots.count
        let ranking = Ranking.compute(copy, configuration: configuration)
        if Set(ranking.entries.prefix(k).map(\.id)) == top { same += 1 }
    }
    return Double(same) / Double(resamples)
}
