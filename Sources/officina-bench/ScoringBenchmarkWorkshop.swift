import OfficinaCore

/// A large generated workshop for `officina-bench scoring`: proposals of uneven popularity and quality,
/// ballots that spend their whole budget within the cap, ratings leaning toward each proposal's quality.
enum ScoringBenchmarkWorkshop {
    static func generate(proposals: Int, participants: Int, rated: Int, method: VotingMethod, seed: UInt64) -> ScoringInput {
        var random = SplitMix64(seed: seed)
        let goals = ["space", "partnerships", "community"].map { key in
            Goal(key: key, label: LocalizedText(it: key, en: key), weight: key == "space" ? 2 : 1)
        }
        let candidates = (1...proposals).map { index in
            RankingCandidate(id: Int64(index), title: "Proposta \(index)", author: "Autore \(index % 97)",
                             goals: [goals[index % 3].key], buildOns: index % 4)
        }
        let quality = (0..<proposals).map { _ in Double.random(in: 0...1, using: &random) }
        let settings = WorkshopSettings(votingMethod: method, dotBudget: 5, perProposalCap: 3)
        // Popularity falls off like 1/rank: a few proposals draw most support, as in a real room.
        let weights = (0..<proposals).map { 1 / Double($0 + 1) }
        let total = weights.reduce(0, +)
        var cumulative: [Double] = []
        var running = 0.0
        for weight in weights {
            running += weight / total
            cumulative.append(running)
        }
        func popular() -> Int {
            let u = Double.random(in: 0..<1, using: &random)
            var low = 0
            var high = proposals - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] < u { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let ballots = (0..<participants).map { participant -> Ballot in
            var support: [Int64: Int] = [:]
            var left = settings.dotBudget
            var attempts = 0
            while left > 0, attempts < 20 {
                attempts += 1
                let id = Int64(popular() + 1)
                let room = method == .approval ? (support[id] == nil ? 1 : 0) : min(settings.perProposalCap - (support[id] ?? 0), left)
                guard room > 0 else { continue }
                let given = Int.random(in: 1...room, using: &random)
                support[id, default: 0] += given
                left -= given
            }
            var ratings: [Int64: [String: Int]] = [:]
            for _ in 0..<min(rated, proposals) {
                let index = Int.random(in: 0..<proposals, using: &random)
                var scores: [String: Int] = [:]
                for goal in goals {
                    let leaning = quality[index] * 4 + Double.random(in: -1.5...1.5, using: &random)
                    scores[goal.key] = min(4, max(0, Int(leaning.rounded())))
                }
                ratings[Int64(index + 1)] = scores
            }
            return Ballot(participantID: Int64(participant + 1), support: support, ratings: ratings)
        }
        return ScoringInput(workshop: "BENCH3", phase: .closed, goals: goals, candidates: candidates, ballots: ballots,
                            settings: settings, participants: participants)
    }
}

