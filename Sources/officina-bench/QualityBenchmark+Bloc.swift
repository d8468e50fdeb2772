import Foundation
import OfficinaCore

/// The bloc scenario of `officina-bench quality` (benchmarks/quality.md): a share of voters (one group)
/// backs one mediocre proposal with 3 dots and 4s; officina-2 with broad support off and on
/// (docs/scoring.md §19). Prints τ, the bloc proposal's mean rank and how often it reached the top 5.
func blocScenario(model base: QualityVoterModel, voterCounts: [Int], trials: Int, seed: UInt64, share: Double) {
    var model = base
    model.bloc = share
    print("")
    print("Bloc: \(Int(share * 100))% of voters (all students) back the proposal of true rank \(model.proposals / 2 + 1) (officina-2):")
    print("")
    print("| voters | τ, bridging off | τ, bridging on | bloc proposal's rank, off | on | in the top 5, off | on |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for voters in voterCounts {
        var tau = (off: 0.0, on: 0.0), rank = (off: 0, on: 0), top = (off: 0, on: 0)
        for trial in 0..<trials {
            let trialSeed = seed &* 1_000_003 &+ UInt64(voters) &* 7_919 &+ UInt64(trial)
            let room = model.room(voters: voters, seed: trialSeed)
            var configuration = ScoringConfiguration(method: .officina2)
            let off = Ranking.compute(room.input, configuration: configuration)
            configuration.bridging = true
            let on = Ranking.compute(room.input, configuration: configuration)
            tau.off += kendallTau(blocRankScores(off, count: model.proposals), room.truth)
            tau.on += kendallTau(blocRankScores(on, count: model.proposals), room.truth)
            let rankOff = off.entry(id: room.blocProposal)?.rank ?? model.proposals
            let rankOn = on.entry(id: room.blocProposal)?.rank ?? model.proposals
            rank.off += rankOff
            rank.on += rankOn
            if rankOff <= 5 { top.off += 1 }
            if rankOn <= 5 { top.on += 1 }
        }
        let n = Double(trials)
        print("| \(voters) | \(String(format: "%.3f", tau.off / n)) | \(String(format: "%.3f", tau.on / n)) | "
              + "\(String(format: "%.1f", Double(rank.off) / n)) | \(String(format: "%.1f", Double(rank.on) / n)) | "
              + "\(top.off)/\(trials) | \(top.on)/\(trials) |")
    }
}

private func blocRankScores(_ ranking: Ranking, count: Int) -> [Double] {
    var scores = Array(repeating: -Double(count + 1), count: count)
    for entry in ranking.entries { scores[Int(entry.id) - 1] = -Double(entry.rank) }
    return scores
}
