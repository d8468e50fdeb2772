import Foundation
import OfficinaCore

/// The pairwise part of `officina-bench quality` (benchmarks/quality.md): the same proposals and
/// true order as `QualityVoterModel`, voters who each answer `answers` pairs, choosing the proposal
/// they perceive as better, drawn afresh for each answer. By default a voter judges each proposal as
/// a rater does, on each of the 3 goals its true score + N(0, noise) (their generosity is the same for
/// both proposals and cancels), and picks the higher mean: its true mean + N(0, noise/√3).
/// `choiceNoise` overrides that sd (1.0 = the noise of a voter's overall sense when spending dots).
/// Nobody skips.
///
/// Voters answer in rounds, as a room does: in each round every voter answers one pair, in a fresh
/// random order. *Adaptive* asks the server's next pair (`PairwiseStrengths` + `PairSelection`, the
/// strengths refitted after every answer, as `GET …/pair` does); *random* asks a uniformly random
/// pair the voter has not answered. The ranking is `PairwiseRanking.compute` either way.
struct QualityPairwise {
    var model: QualityVoterModel
    var answers = 20
    /// The sd of a voter's perception of one proposal's true mean; nil: model.noise / √3.
    var choiceNoise: Double?
    var neighbours = PairSelection.defaultNeighbours
    var priorVariance = PairwiseRanking.defaultPriorVariance

    struct Outcome {
        var tau: Double
        var settled: Bool
        var topRight: Bool
    }

    func run(voters: Int, seed: UInt64, adaptive: Bool) -> Outcome {
        // The same room as the ratings bench: only its truth and proposals are used.
        let room = model.room(voters: 0, seed: seed)
        let count = room.truth.count
        var random = SplitMix64(seed: seed ^ 0x5041_4952)
        func uniform() -> Double { Double(random.next() >> 11) / 9_007_199_254_740_992 }
        func normal() -> Double {
            let u = Double((random.next() >> 11) + 1) / 9_007_199_254_740_992
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * uniform())
        }
        let candidates = room.input.candidates
        let noise = choiceNoise ?? model.noise / 3.0.squareRoot()
        let secret = withUnsafeBytes(of: seed.bigEndian) { Array($0) } + Array("officina-bench pairwise secret".utf8)
        var comparisons: [Comparison] = []
        var answered = Array(repeating: Set<ProposalPair>(), count: voters)
        for _ in 0..<answers {
            var order = Array(0..<voters)
            for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(random.next() % UInt64(i + 1))) }
            for voter in order {
                let pair: ProposalPair?
                if adaptive {
                    let strengths = PairwiseStrengths.candidates(candidates, comparisons: comparisons, priorVariance: priorVariance)
                    var stream = ExposureStream(secret: secret, context: "SIM:\(voter):pair:\(answered[voter].count)")
                    pair = PairSelection.next(strengths, answered: answered[voter], stream: &stream, neighbours: neighbours)
                } else {
                    var drawn: ProposalPair?
                    while drawn == nil || answered[voter].contains(drawn!) {
                        drawn = ProposalPair(Int64(random.next() % UInt64(count)) + 1, Int64(random.next() % UInt64(count)) + 1)
                    }
                    pair = drawn
                }
                guard let pair else { continue }
                answered[voter].insert(pair)
                let low = room.truth[Int(pair.low) - 1] + noise * normal()
                let high = room.truth[Int(pair.high) - 1] + noise * normal()
                let winner = low > high ? pair.low : pair.high
                if let comparison = Comparison(participantID: Int64(voter + 1), winner: winner, loser: pair.other(than: winner) ?? 0) {
                    comparisons.append(comparison)
                }
            }
        }
        let ranking = PairwiseRanking.compute(room.input, comparisons: comparisons, priorVariance: priorVariance)
        var scores = Array(repeating: -Double(count + 1), count: count)
        for entry in ranking.entries { scores[Int(entry.id) - 1] = -Double(entry.rank) }
        let trueTop = Set(room.truth.indices.sorted { room.truth[$0] > room.truth[$1] }.prefix(3).map { Int64($0 + 1) })
        return Outcome(
            tau: kendallTau(scores, room.truth), settled: ranking.settled.settled,
            topRight: Set(ranking.entries.prefix(3).map(\.id)) == trueTop)
    }
}

/// Prints the pairwise table: τ for adaptive and random pairs, and the settled claims of the adaptive runs.
func printPairwiseQuality(model: QualityVoterModel, voterCounts: [Int], answers: Int, trials: Int, seed: UInt64,
                          neighbours: Int = PairSelection.defaultNeighbours, priorVariance: Double = PairwiseRanking.defaultPriorVariance,
                          choiceNoise: Double? = nil) {
    var bench = QualityPairwise(model: model, answers: answers)
    bench.choiceNoise = choiceNoise
    bench.neighbours = neighbours
    bench.priorVariance = priorVariance
    print("")
    print("Pairwise: \(model.proposals) proposals, \(answers) answered pairs per voter, choice noise sd \(String(format: "%.3f", choiceNoise ?? model.noise / 3.0.squareRoot())) per proposal, "
          + "\(neighbours) neighbours, prior variance \(priorVariance); \(trials) trials per cell")
    print("")
    print("| voters | adaptive pairs τ | random pairs τ | adaptive: top 3 right | claimed settled | wrong claims |")
    print("|---:|---:|---:|---:|---:|---:|")
    for voters in voterCounts {
        var adaptive = 0.0, random = 0.0, right = 0, claims = 0, wrong = 0
        for trial in 0..<trials {
            let trialSeed = seed &* 1_000_003 &+ UInt64(voters) &* 7_919 &+ UInt64(trial)
            let a = bench.run(voters: voters, seed: trialSeed, adaptive: true)
            adaptive += a.tau
            random += bench.run(voters: voters, seed: trialSeed, adaptive: false).tau
            if a.topRight { right += 1 }
            if a.settled {
                claims += 1
                if !a.topRight { wrong += 1 }
            }
        }
        print("| \(voters) | \(String(format: "%.3f", adaptive / Double(trials))) | \(String(format: "%.3f", random / Double(trials))) | \(right)/\(trials) | \(claims) | \(wrong) |")
    }
}
