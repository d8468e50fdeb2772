import Foundation
import Testing
@testable import OfficinaCore

/// The pairwise method: the Bradley–Terry fit against its defining equations, and the ranking built
/// from it (docs/scoring.md, "Pairwise method").
@Suite struct ScoringPairwiseTests {
    static let goals = [
        Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"), weight: 1),
        Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community"), weight: 1),
    ]

    static func input(_ candidates: [RankingCandidate]) -> ScoringInput {
        ScoringInput(workshop: "PAIRS2", goals: goals, candidates: candidates, ballots: [],
                     settings: WorkshopSettings(votingMethod: .pairwise), participants: 10)
    }

    static func choice(_ participant: Int64, _ winner: Int64, _ loser: Int64) -> Comparison {
        Comparison(participantID: participant, winner: winner, loser: loser)!
    }

    /// Random comparisons of `count` proposals whose true strengths fall with their id.
    static func generated(count: Int, answers: Int, seed: UInt64) -> [Comparison] {
        var random = SplitMix64(seed: seed)
        var used: Set<[Int64]> = []
        var result: [Comparison] = []
        while result.count < answers {
            let participant = Int64.random(in: 1...40, using: &random)
            let a = Int64.random(in: 1...Int64(count), using: &random)
            let b = Int64.random(in: 1...Int64(count), using: &random)
            guard a != b, used.insert([participant, min(a, b), max(a, b)]).inserted else { continue }
            let p = 1 / (1 + exp(-(Double(b) - Double(a)) * 0.4))
            let aWins = Double.random(in: 0..<1, using: &random) < p
            result.append(choice(participant, aWins ? a : b, aWins ? b : a))
        }
        return result
    }

    @Test(arguments: Array(UInt64(1)...12))
    func theFitSolvesThePosteriorModeEquations(seed: UInt64) {
        let comparisons = Self.generated(count: 8, answers: 60, seed: seed)
        let choices = comparisons.map { (winner: Int($0.winner!) - 1, loser: Int($0.loser!) - 1) }
        let fit = BradleyTerryFit(count: 8, choices: choices, priorVariance: 1)
        // ∂/∂θᵢ log posterior = Σⱼ (wᵢⱼ − nᵢⱼ σ(θᵢ − θⱼ)) − θᵢ/v = 0 at the mode.
        for i in 0..<8 {
            var gradient = -fit.strengths[i]
            for choice in choices {
                if choice.winner == i { gradient += 1 - BradleyTerryFit.sigmoid(fit.strengths[i] - fit.strengths[choice.loser]) }
                if choice.loser == i { gradient -= BradleyTerryFit.sigmoid(fit.strengths[i] - fit.strengths[choice.winner]) }
            }
            #expect(abs(gradient) < 1e-8)
        }
        // The prior is symmetric, so the mode is centred: Σθ = 0.
        #expect(abs(fit.strengths.reduce(0, +)) < 1e-8)
    }

    @Test func twoProposalsMatchTheClosedForm() {
        // One comparison of two: θ₁ = −θ₂ = t with t solving (1 − σ(2t)) − t = 0 (v = 1), and
        // var θ₁ = the (1,1) entry of the inverse of [[h+1, −h], [−h, h+1]], h = σ(2t)(1 − σ(2t)).
        let fit = BradleyTerryFit(count: 2, choices: [(winner: 0, loser: 1)], priorVariance: 1)
        let t = fit.strengths[0]
        #expect(abs((1 - BradleyTerryFit.sigmoid(2 * t)) - t) < 1e-10)
        #expect(abs(fit.strengths[1] + t) < 1e-10)
        let p = BradleyTerryFit.sigmoid(2 * t)
        let h = p * (1 - p)
        let variance = (h + 1) / ((h + 1) * (h + 1) - h * h)
        #expect(abs(fit.deviations[0] - variance.squareRoot()) < 1e-10)
    }

    @Test func withoutComparisonsEveryProposalSitsAtTheMiddleInIdOrder() {
        let candidates = (1...5).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        let ranking = PairwiseRanking.compute(Self.input(candidates), comparisons: [])
        #expect(ranking.entries.map(\.id) == [1, 2, 3, 4, 5])
        for entry in ranking.entries {
            #expect(entry.overall == 50)
            #expect(entry.interval.low < 50 && entry.interval.high > 50)
            #expect(entry.rankRange == RankRange(best: 1, worst: 5))
        }
        #expect(!ranking.settled.settled)
        #expect(ranking.method.name == "pairwise-1")
        #expect(ranking.method.votingMethod == .pairwise)
    }

    @Test(arguments: Array(UInt64(1)...6))
    func manyComparisonsRecoverTheTrueOrder(seed: UInt64) {
        let candidates = (1...10).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        let ranking = PairwiseRanking.compute(Self.input(candidates), comparisons: Self.generated(count: 10, answers: 400, seed: seed))
        let ids = ranking.entries.map(\.id)
        var concordant = 0
        var discordant = 0
        for i in 0..<ids.count {
            for j in (i + 1)..<ids.count {
                if ids[i] < ids[j] { concordant += 1 } else { discordant += 1 }
            }
        }
        #expect(Double(concordant - discordant) / 45 >= 0.7)
        for entry in ranking.entries {
            #expect(entry.interval.low <= entry.overall && entry.overall <= entry.interval.high)
            #expect(entry.rankRange.best <= entry.rank && entry.rank <= entry.rankRange.worst)
            #expect(entry.parts.goals + entry.parts.support == entry.overall)
            #expect(!entry.explanations.en.isEmpty && !entry.explanations.it.isEmpty)
        }
        #expect(ranking.entries.map(\.rank) == Array(1...10))
    }

    @Test(arguments: Array(UInt64(1)...20))
    func anExtraWinNeverLowersTheWinnersRank(seed: UInt64) {
        let candidates = (1...6).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        let base = Self.generated(count: 6, answers: 20, seed: seed)
        let before = PairwiseRanking.compute(Self.input(candidates), comparisons: base)
        var random = SplitMix64(seed: seed &+ 1000)
        let winner = Int64.random(in: 1...6, using: &random)
        let loser = winner == 6 ? 1 : winner + 1
        let after = PairwiseRanking.compute(Self.input(candidates), comparisons: base + [Self.choice(999, winner, loser)])
        #expect(after.entry(id: winner)!.rank <= before.entry(id: winner)!.rank)
        #expect(after.entry(id: winner)!.overall > before.entry(id: winner)!.overall)
    }

    @Test func theOrderOfAnswersDoesNotMatter() {
        let candidates = (1...8).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        let comparisons = Self.generated(count: 8, answers: 50, seed: 7)
        var random = SplitMix64(seed: 3)
        let a = PairwiseRanking.compute(Self.input(candidates), comparisons: comparisons)
        let b = PairwiseRanking.compute(Self.input(candidates.shuffled(using: &random)), comparisons: comparisons.shuffled(using: &random))
        #expect(a == b)
    }

    @Test func aMergedProposalsWinsCountForItsTargetAndHiddenOnesAreLeftOut() {
        let candidates = [
            RankingCandidate(id: 1, title: "Garden"), RankingCandidate(id: 2, title: "Library"),
            RankingCandidate(id: 3, title: "Garden again", status: .merged(into: 1)),
            RankingCandidate(id: 4, title: "Hidden", status: .hidden),
        ]
        let comparisons = [
            Self.choice(1, 3, 2), Self.choice(2, 3, 2),  // the duplicate beat the library twice
            Self.choice(3, 1, 3),                          // a proposal against its own duplicate: dropped
            Self.choice(4, 4, 1),                          // touches a hidden proposal: dropped
            Comparison(participantID: 5, skipped: ProposalPair(1, 2)!),
        ]
        let ranking = PairwiseRanking.compute(Self.input(candidates), comparisons: comparisons)
        #expect(ranking.entries.map(\.id) == [1, 2])
        #expect(ranking.entry(id: 1)?.support.dots == 2)
        #expect(ranking.entry(id: 1)?.support.supporters == 2)
        #expect(ranking.entry(id: 2)?.support.share == 0)
        #expect(Set(ranking.excluded.map(\.id)) == [3, 4])
        #expect(ranking.counts.ballots == 5)
    }

    @Test func aDecisiveLeadIsSettledAndSaysSo() {
        let candidates = (1...5).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        var comparisons: [Comparison] = []
        var participant: Int64 = 0
        for _ in 0..<30 {
            participant += 1
            for winner in Int64(1)...5 {
                for loser in (winner + 1)...max(winner + 1, 5) where loser <= 5 {
                    comparisons.append(Self.choice(participant, winner, loser))
                }
            }
        }
        var configuration = ScoringConfiguration.default
        configuration.language = "en"
        let ranking = PairwiseRanking.compute(Self.input(candidates), comparisons: comparisons, configuration: configuration)
        #expect(ranking.entries.map(\.id) == [1, 2, 3, 4, 5])
        #expect(ranking.settled.settled)
        #expect((ranking.settled.probability ?? 0) >= 0.9)
        #expect(ranking.settled.message.hasPrefix("The top 3 are settled"))
        #expect(ranking.entries[0].explanation.contains("chosen in 120 of 120 comparisons"))
    }

    @Test func theStrategiesAreChosenByMethod() {
        #expect(VotingMethod.pairwise.strategy.collectsComparisons)
        #expect(!VotingMethod.pairwise.strategy.collectsBallots)
        #expect(VotingMethod.dots.strategy.collectsBallots)
        #expect(!VotingMethod.approval.strategy.collectsComparisons)
        #expect(VotingMethod.approval.strategy.supportCap(WorkshopSettings(votingMethod: .approval)) == 1)
        #expect(VotingMethod.dots.strategy.supportCap(WorkshopSettings(dotBudget: 5, perProposalCap: 3)) == 3)
        let candidates = (1...3).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        let ballots = [Ballot(participantID: 1, support: [2: 3], ratings: [:])]
        let input = ScoringInput(workshop: "DOTS22", goals: Self.goals, candidates: candidates, ballots: ballots)
        #expect(VotingMethod.dots.strategy.rank(input, comparisons: [], configuration: .default) == Ranking.compute(input))
    }
}
