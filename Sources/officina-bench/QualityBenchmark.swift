import Foundation
import OfficinaCore

/// `officina-bench quality [--trials N] [--voters 25,50,100,200,400] [--seed S] [--generosity G]
/// [--noise E] [--wave W] [--jitter J] [--no-ledger] [--no-focus] [--bloc B] [--bloc-share S] [--pairwise-voters 50,100,200] [--pairwise-answers 20]
/// [--pairwise-only] [--pairwise-neighbours 5] [--pairwise-prior 1] [--pairwise-noise E] [--settled-only]
/// [--bootstrap B] [--support-weight W]`: simulated rooms (`QualityVoterModel`) ranked
/// through OfficinaCore. Prints
/// Kendall τ against the true order for officina-1, officina-2, mean rating and dot count; the settled
/// signal's claim and wrong-claim rates and its calibration; the spread of raters per proposal; and a bloc
/// of share S (default 0.2) with broad support off and on (`blocScenario`). `--settled-only` stops before
/// the bloc and pairwise parts; `--bootstrap B` adds the reference ballot bootstrap (`bootstrapSettled`);
/// `--support-weight W` sets officina-2's support weight (default 0.4) for its τ column and the settled
/// figures (not for the shuffled, bloc and pairwise parts).
/// Deterministic: the same options print the same figures.
func qualityBenchmark(_ arguments: ArraySlice<String>) throws {
    var trials = 20
    var voterCounts = [25, 50, 100, 200, 400]
    var seed: UInt64 = 11
    var model = QualityVoterModel()
    var blocShare = 0.2
    var pairwiseVoters = [50, 100, 200]
    var pairwiseAnswers = 20
    var pairwiseOnly = false
    var neighbours = PairSelection.defaultNeighbours
    var priorVariance = PairwiseRanking.defaultPriorVariance
    var choiceNoise: Double?
    var bootstrap = 0
    var settledOnly = false
    var twoConfiguration = ScoringConfiguration(method: .officina2)
    var rest = arguments
    while let flag = rest.popFirst() {
        switch flag {
        case "--trials": trials = rest.popFirst().flatMap(Int.init) ?? trials
        case "--voters": voterCounts = rest.popFirst()?.split(separator: ",").compactMap { Int($0) } ?? voterCounts
        case "--seed": seed = rest.popFirst().flatMap(UInt64.init) ?? seed
        case "--generosity": model.generosity = rest.popFirst().flatMap(Double.init) ?? model.generosity
        case "--noise": model.noise = rest.popFirst().flatMap(Double.init) ?? model.noise
        case "--wave": model.wave = rest.popFirst().flatMap(Int.init) ?? model.wave
        case "--no-ledger": model.ledger = false
        case "--no-focus": model.focus = false
        case "--jitter": model.jitter = rest.popFirst().flatMap(Double.init) ?? model.jitter
        case "--bloc": model.bloc = rest.popFirst().flatMap(Double.init) ?? model.bloc
        case "--bloc-share": blocShare = rest.popFirst().flatMap(Double.init) ?? blocShare
        case "--pairwise-voters": pairwiseVoters = rest.popFirst()?.split(separator: ",").compactMap { Int($0) } ?? pairwiseVoters
        case "--pairwise-answers": pairwiseAnswers = rest.popFirst().flatMap(Int.init) ?? pairwiseAnswers
        case "--pairwise-only": pairwiseOnly = true
        case "--pairwise-neighbours": neighbours = rest.popFirst().flatMap(Int.init) ?? neighbours
        case "--pairwise-prior": priorVariance = rest.popFirst().flatMap(Double.init) ?? priorVariance
        case "--pairwise-noise": choiceNoise = rest.popFirst().flatMap(Double.init)
        case "--settled-only": settledOnly = true
        case "--bootstrap": bootstrap = rest.popFirst().flatMap(Int.init) ?? bootstrap
        case "--support-weight":
            twoConfiguration.supportWeight = rest.popFirst().flatMap(Double.init) ?? twoConfiguration.supportWeight
        default:
            print("unknown option \(flag)")
            return
        }
    }
    if pairwiseOnly {
        printPairwiseQuality(model: model, voterCounts: pairwiseVoters, answers: pairwiseAnswers, trials: trials, seed: seed,
                             neighbours: neighbours, priorVariance: priorVariance, choiceNoise: choiceNoise)
        return
    }
    print("quality: \(model.proposals) proposals, each voter rates the first \(model.viewed) on 3 goals, 5 dots;"
          + " generosity sd \(model.generosity), noise sd \(model.noise), waves of \(model.wave), jitter \(model.jitter), ledger \(model.ledger), focus \(model.focus), bloc \(model.bloc); \(trials) trials per cell, seed \(seed)")
    print("")
    print("| voters | officina-1 | officina-2 | mean rating | dot count | officina-2, shuffled order | officina-1, shuffled order (as before) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    var settledRows: [String] = []
    var bins = Array(repeating: (claimed: 0.0, right: 0, count: 0), count: 5)
    var bootstrapBins = bins
    var bootstrapRows: [String] = []
    var spreads: [String] = []
    var rightProbabilities: [Double] = []
    for voters in voterCounts {
        var tau = Array(repeating: 0.0, count: 6)
        var claims = 0, wrongClaims = 0, right = 0, claimedWhenRight = 0, oldClaims = 0, oldWrong = 0
        var spread = (balanced: 0.0, shuffled: 0.0)
        var reference = (claims: 0, wrong: 0, claimedWhenRight: 0)
        for trial in 0..<trials {
            let trialSeed = seed &* 1_000_003 &+ UInt64(voters) &* 7_919 &+ UInt64(trial)
            let room = model.room(voters: voters, seed: trialSeed)
            var shuffledModel = model
            shuffledModel.exposure = .shuffled
            let shuffledRoom = shuffledModel.room(voters: voters, seed: trialSeed)
            let one = Ranking.compute(room.input, configuration: ScoringConfiguration(method: .officina1))
            let two = Ranking.compute(room.input, configuration: twoConfiguration)
            let twoShuffled = Ranking.compute(shuffledRoom.input, configuration: ScoringConfiguration(method: .officina2))
            tau[0] += kendallTau(rankScores(one, count: model.proposals), room.truth)
            tau[1] += kendallTau(rankScores(two, count: model.proposals), room.truth)
            tau[2] += kendallTau(meanRatings(room.input, count: model.proposals), room.truth)
            tau[3] += kendallTau(dotCounts(room.input, count: model.proposals), room.truth)
            tau[4] += kendallTau(rankScores(twoShuffled, count: model.proposals), shuffledRoom.truth)
            let oneShuffled = Ranking.compute(shuffledRoom.input, configuration: ScoringConfiguration(method: .officina1))
            tau[5] += kendallTau(rankScores(oneShuffled, count: model.proposals), shuffledRoom.truth)

            let trueTop = Set(room.truth.indices.sorted { room.truth[$0] > room.truth[$1] }.prefix(3).map { Int64($0 + 1) })
            let isRight = Set(two.entries.prefix(3).map(\.id)) == trueTop
            if isRight { right += 1 }
            if two.settled.settled {
                claims += 1
                if isRight { claimedWhenRight += 1 } else { wrongClaims += 1 }
            }
            if one.settled.settled {
                oldClaims += 1
                if Set(one.entries.prefix(3).map(\.id)) != trueTop { oldWrong += 1 }
            }
            let probability = two.settled.probability ?? 0
            if isRight, voters == voterCounts.last { rightProbabilities.append(probability) }
            let bin = min(4, Int(probability * 5))
            bins[bin].claimed += probability
            bins[bin].count += 1
            if isRight { bins[bin].right += 1 }
            if bootstrap > 0 {
                let resampled = bootstrapSettled(
                    room.input, configuration: twoConfiguration,
                    top: Set(two.entries.prefix(3).map(\.id)), resamples: bootstrap, seed: trialSeed)
                let b = min(4, Int(resampled * 5))
                bootstrapBins[b].claimed += resampled
                bootstrapBins[b].count += 1
                if isRight { bootstrapBins[b].right += 1 }
                if resampled >= 0.9 {
                    reference.claims += 1
                    if isRight { reference.claimedWhenRight += 1 } else { reference.wrong += 1 }
                }
            }
            spread.balanced += standardDeviation(room.raters)
            spread.shuffled += standardDeviation(shuffledRoom.raters)
        }
        let t = tau.map { format($0 / Double(trials), 3) }
        print("| \(voters) | \(t[0]) | \(t[1]) | \(t[2]) | \(t[3]) | \(t[4]) | \(t[5]) |")
        settledRows.append("| \(voters) | \(right)/\(trials) | \(claims) | \(wrongClaims) | \(claimedWhenRight)/\(right) | \(oldClaims) (\(oldWrong) wrong) |")
        bootstrapRows.append("| \(voters) | \(right)/\(trials) | \(reference.claims) | \(reference.wrong) | \(reference.claimedWhenRight)/\(right) |")
        spreads.append("| \(voters) | \(format(spread.balanced / Double(trials), 2)) | \(format(spread.shuffled / Double(trials), 2)) |")
    }
    print("")
    print("Settled (officina-2, top 3, settled at probability ≥ 0.9):")
    print("")
    print("| voters | top 3 right | claimed | wrong claims | claimed when right | officina-1 rule claims |")
    print("|---:|---:|---:|---:|---:|---:|")
    settledRows.forEach { print($0) }
    print("")
    print("Calibration (all cells): stated probability vs how often the top 3 was right")
    print("")
    print("| probability | trials | mean stated | right |")
    print("|---|---:|---:|---:|")
    for (b, bin) in bins.enumerated() where bin.count > 0 {
        print("| \(format(Double(b) / 5, 1))–\(format(Double(b + 1) / 5, 1)) | \(bin.count) | \(format(bin.claimed / Double(bin.count), 2)) | \(format(Double(bin.right) / Double(bin.count), 2)) |")
    }
    print("")
    if bootstrap > 0 {
        print("Reference: a full ballot bootstrap (\(bootstrap) resamples, each rescored from scratch), settled at ≥ 0.9:")
        print("")
        print("| voters | top 3 right | claimed | wrong claims | claimed when right |")
        print("|---:|---:|---:|---:|---:|")
        bootstrapRows.forEach { print($0) }
        print("")
        print("| bootstrap probability | trials | mean stated | right |")
        print("|---|---:|---:|---:|")
        for (b, bin) in bootstrapBins.enumerated() where bin.count > 0 {
            print("| \(format(Double(b) / 5, 1))–\(format(Double(b + 1) / 5, 1)) | \(bin.count) | \(format(bin.claimed / Double(bin.count), 2)) | \(format(Double(bin.right) / Double(bin.count), 2)) |")
        }
        print("")
    }
    // Where the right trials the signal does not claim sit: just under the threshold, or far below it.
    print("Stated probability in each trial whose top 3 was right, \(voterCounts.last ?? 0) voters, sorted:")
    print("")
    print(rightProbabilities.sorted().map { format($0, 2) }.joined(separator: " "))
    print("")
    print("Exposure: standard deviation of raters per proposal")
    print("")
    print("| voters | balanced | shuffled |")
    print("|---:|---:|---:|")
    spreads.forEach { print($0) }
    if settledOnly { return }
    blocScenario(model: model, voterCounts: voterCounts, trials: trials, seed: seed, share: blocShare)
    printPairwiseQuality(model: model, voterCounts: pairwiseVoters, answers: pairwiseAnswers, trials: trials, seed: seed,
                         neighbours: neighbours, priorVariance: priorVariance, choiceNoise: choiceNoise)
}

/// Higher is better: minus the rank, so the ranking's strict order is compared.
private func rankScores(_ ranking: Ranking, count: Int) -> [Double] {
    var scores = Array(repeating: -Double(count + 1), count: count)
    for entry in ranking.entries { scores[Int(entry.id) - 1] = -Double(entry.rank) }
    return scores
}

/// The plain mean of every rating a proposal got (the scale's midpoint when it got none).
private func meanRatings(_ input: ScoringInput, count: Int) -> [Double] {
    var sum = Array(repeating: 0.0, count: count), n = Array(repeating: 0, count: count)
    for ballot in input.ballots {
        for (id, goals) in ballot.ratings {
            for value in goals.values {
                sum[Int(id) - 1] += Double(value)
                n[Int(id) - 1] += 1
            }
        }
    }
    return (0..<count).map { n[$0] > 0 ? sum[$0] / Double(n[$0]) : 2 }
}

private func dotCounts(_ input: ScoringInput, count: Int) -> [Double] {
    var dots = Array(repeating: 0.0, count: count)
    for ballot in input.ballots {
        for (id, given) in ballot.support { dots[Int(id) - 1] += Double(given) }
    }
    return dots
}

private func standardDeviation(_ values: [Int]) -> Double {
    let mean = Double(values.reduce(0, +)) / Double(max(values.count, 1))
    return (values.reduce(0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(max(values.count, 1))).squareRoot()
}

private func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}
