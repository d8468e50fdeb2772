@testable import OfficinaCore

/// Random but plausible workshops: proposals of uneven quality, ballots that spend their dots within
/// budget and cap, ratings that lean toward each proposal's hidden quality, some hidden and merged ones.
struct ScoringWorkshopGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    mutating func workshop() -> (input: ScoringInput, configuration: ScoringConfiguration) {
        let goalCount = Int.random(in: 1...4, using: &random)
        var goals = (0..<goalCount).map { index in
            Goal(
                key: "g\(index)", label: LocalizedText(it: "Obiettivo \(index)", en: "Goal \(index)"),
                weight: [0, 0.5, 1, 1, 2, 3].randomElement(using: &random) ?? 1
            )
        }
        if goals.allSatisfy({ $0.weight == 0 }) { goals[0].weight = 1 }
        let method: VotingMethod = Bool.random(using: &random) ? .dots : .approval
        let settings = WorkshopSettings(
            votingMethod: method, dotBudget: Int.random(in: 1...8, using: &random),
            perProposalCap: Int.random(in: 1...3, using: &random),
            ratingsEnabled: Int.random(in: 0..<5, using: &random) > 0
        )
        let proposalCount = Int.random(in: 1...24, using: &random)
        var candidates = (1...proposalCount).map { index in
            RankingCandidate(
                id: Int64(index * 3), title: "Proposta \(index)", author: "Autore \(index)",
                goals: goals.filter { _ in Bool.random(using: &random) }.map(\.key),
                buildOns: Int.random(in: 0...3, using: &random)
            )
        }
        for index in candidates.indices where proposalCount > 2 {
            switch Int.random(in: 0..<12, using: &random) {
            case 0: candidates[index].status = .hidden
            case 1: candidates[index].status = .merged(into: candidates[(index + 1) % proposalCount].id)
            default: break
            }
        }
        let quality = candidates.map { _ in Double.random(in: 0...1, using: &random) }
        let ballotCount = Int.random(in: 0...40, using: &random)
        let ballots = (0..<ballotCount).map { participant in
            ballot(participant: Int64(1_000 + participant), candidates: candidates, quality: quality,
                   goals: goals, settings: settings)
        }
        let input = ScoringInput(
            workshop: "ACD347", goals: goals, candidates: candidates, ballots: ballots, settings: settings,
            participants: ballotCount + Int.random(in: 0...5, using: &random)
        )
        let configuration = ScoringConfiguration(
            priorStrength: [0, 1, 2, 2, 5].randomElement(using: &random) ?? 2,
            intervalLevel: [0.8, 0.9, 0.95].randomElement(using: &random) ?? 0.9,
            supportWeight: [0, 0.2, 0.4, 0.4, 0.7, 1].randomElement(using: &random) ?? 0.4,
            settledK: Int.random(in: 1...5, using: &random),
            shortlistK: Int.random(in: 1...6, using: &random)
        )
        return (input, configuration)
    }

    private mutating func ballot(
        participant: Int64, candidates: [RankingCandidate], quality: [Double], goals: [Goal],
        settings: WorkshopSettings
    ) -> Ballot {
        var support: [Int64: Int] = [:]
        if settings.votingMethod == .approval {
            for (index, candidate) in candidates.enumerated()
            where Double.random(in: 0...1, using: &random) < quality[index] * 0.6 {
                support[candidate.id] = 1
            }
        } else {
            var left = settings.dotBudget
            while left > 0, Int.random(in: 0..<4, using: &random) > 0 {
                let index = Int.random(in: 0..<candidates.count, using: &random)
                guard Double.random(in: 0...1, using: &random) < quality[index] + 0.2 else { continue }
                let id = candidates[index].id
                let room = min(settings.perProposalCap - (support[id] ?? 0), left)
                guard room > 0 else { continue }
                let given = Int.random(in: 1...room, using: &random)
                support[id, default: 0] += given
                left -= given
            }
        }
        var ratings: [Int64: [String: Int]] = [:]
        for (index, candidate) in candidates.enumerated() where Int.random(in: 0..<3, using: &random) == 0 {
            for goal in goals where Bool.random(using: &random) {
                let leaning = quality[index] * 4 + Double.random(in: -1.5...1.5, using: &random)
                ratings[candidate.id, default: [:]][goal.key] = min(4, max(0, Int(leaning.rounded())))
            }
        }
        return Ballot(participantID: participant, support: support, ratings: ratings)
    }
}
