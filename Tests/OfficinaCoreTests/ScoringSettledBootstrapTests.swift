import Foundation
import Testing
@testable import OfficinaCore

/// `officina-2`'s settled probability, a bootstrap over ballots (docs/scoring.md §16), on simulated
/// rooms whose true order is known.
@Suite struct ScoringSettledBootstrapTests {
    static let goals = ["space", "partnerships", "community"].map {
        Goal(key: $0, label: LocalizedText(it: $0, en: $0), weight: 1)
    }

    /// A room: each voter has a generosity offset, rates `viewed` proposals (picked at random) on every
    /// goal as round(truth + offset + noise) clamped to 0…4, and spends 5 dots (2, 2, 1) on the three
    /// they think best. `twins` makes the proposals at those two positions get identical ballots.
    static func room(truth: [Double], voters: Int, viewed: Int, seed: UInt64, twins: (Int, Int)? = nil) -> ScoringInput {
        var random = SplitMix64(seed: seed)
        func normal() -> Double {
            let u = Double.random(in: Double.ulpOfOne...1, using: &random)
            let v = Double.random(in: 0..<1, using: &random)
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let ballots = (0..<voters).map { voter -> Ballot in
            let offset = 0.8 * normal()
            var seen = Array(truth.indices.shuffled(using: &random).prefix(viewed))
            if let twins {
                seen.removeAll { $0 == twins.1 }
                if seen.contains(twins.0) { seen.append(twins.1) }
            }
            var ratings: [Int64: [String: Int]] = [:]
            var sense: [(Int, Double)] = []
            for p in seen where p != twins?.1 {
                ratings[Int64(p + 1)] = Dictionary(uniqueKeysWithValues: goals.map {
                    ($0.key, Int(min(max((truth[p] + offset + normal()).rounded(), 0), 4)))
                })
                sense.append((p, truth[p] + normal()))
            }
            if let twins, let copied = ratings[Int64(twins.0 + 1)] { ratings[Int64(twins.1 + 1)] = copied }
            sense.sort { $0.1 > $1.1 }
            var support: [Int64: Int] = [:]
            for (place, dots) in [2, 2, 1].enumerated() where place < sense.count {
                support[Int64(sense[place].0 + 1)] = dots
                if let twins, sense[place].0 == twins.0 { support[Int64(twins.1 + 1)] = dots }
            }
            return Ballot(participantID: Int64(voter + 1), support: support, ratings: ratings)
        }
        let candidates = truth.indices.map {
            RankingCandidate(id: Int64($0 + 1), title: "P\($0 + 1)", author: nil, goals: [])
        }
        return ScoringInput(
            workshop: "BOOT01", goals: goals, candidates: candidates, ballots: ballots,
            settings: WorkshopSettings(votingMethod: .dots, dotBudget: 10, perProposalCap: 3, ratingsEnabled: true))
    }

    static let officinaTwo = ScoringConfiguration(method: .officina2)

    @Test(arguments: Array(UInt64(1)...6))
    func resamplingEveryBallotOnceGivesTheRankingsOwnOveralls(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let truth = (0..<12).map { _ in Double.random(in: 0.5...3.5, using: &random) }
        let input = Self.room(truth: truth, voters: 40, viewed: 6, seed: seed)
        let computation = RankingComputation(input: input, configuration: Self.officinaTwo)
        let statistics = computation.goals.indices.map(computation.goalStatistics)
        let figures = computation.candidates.indices.map { computation.figures($0, statistics: statistics) }
        let ordered = figures.sorted { RankingOrder.precedes($0, $1) }
        let bootstrap = try #require(computation.settledBootstrap(ordered, statistics: statistics))
        #expect(bootstrap.contenders.count >= 3)
        let ones = Array(repeating: Int32(1), count: input.ballots.count)
        for j in bootstrap.contenders.indices {
            let overall = ones.withUnsafeBufferPointer { bootstrap.overall(j, weights: $0) }
            #expect(abs(overall - ordered[j].overall) < 1e-9, "contender \(j): \(overall) against \(ordered[j].overall)")
        }
    }

    @Test func theSameBallotsInAnotherOrderGiveTheSameProbability() {
        var input = Self.room(truth: [3.2, 3.0, 2.8, 2.7, 2.0, 1.5, 1.0, 0.5], voters: 60, viewed: 5, seed: 7)
        let first = Ranking.compute(input, configuration: Self.officinaTwo).settled
        input.ballots.reverse()
        input.candidates.reverse()
        let again = Ranking.compute(input, configuration: Self.officinaTwo).settled
        #expect(first == again)
        let probability = first.probability ?? -1
        #expect(probability > 0 && probability < 1, "a contested third place: \(probability)")
    }

    @Test func aClearlyOrderedTopIsSettled() {
        let truth = [3.6, 3.5, 3.4, 1.6, 1.5, 1.4, 1.2, 1.0, 0.8, 0.5]
        let ranking = Ranking.compute(Self.room(truth: truth, voters: 80, viewed: 10, seed: 3), configuration: Self.officinaTwo)
        #expect(Set(ranking.entries.prefix(3).map(\.id)) == [1, 2, 3])
        #expect((ranking.settled.probability ?? 0) >= 0.99)
        #expect(ranking.settled.settled)
    }

    @Test func aTieForThirdIsNotSettled() {
        // Proposals 3 and 4 get exactly the same ratings and dots from every ballot: no resample can
        // tell which of them belongs in the top 3, however many people voted.
        let truth = [3.6, 3.5, 2.6, 2.6, 1.0, 0.9, 0.8, 0.7]
        let ranking = Ranking.compute(
            Self.room(truth: truth, voters: 200, viewed: 8, seed: 5, twins: (2, 3)), configuration: Self.officinaTwo)
        #expect(Set(ranking.entries.prefix(2).map(\.id)) == [1, 2])
        #expect((ranking.settled.probability ?? 1) <= 0.5)
        #expect(!ranking.settled.settled)
    }

    /// Calibration on 100 rooms with a known truth: the mean stated probability is close to how often the
    /// top 3 was in fact right (100 rooms: standard error ≈ 0.05, so 0.12 is about 2.5 of them), and a
    /// claim of "settled" is wrong at most as often as the threshold allows, with room for chance.
    @Test func theStatedProbabilityMatchesHowOftenTheTopThreeIsRight() {
        var stated = 0.0, right = 0, claims = 0, wrongClaims = 0
        let rooms = 100
        for seed in 0..<UInt64(rooms) {
            var random = SplitMix64(seed: 1_000 + seed)
            let truth = (0..<15).map { _ -> Double in
                let u = Double.random(in: Double.ulpOfOne...1, using: &random)
                let v = Double.random(in: 0..<1, using: &random)
                return 2 + 0.9 * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
            }
            let ranking = Ranking.compute(
                Self.room(truth: truth, voters: 60, viewed: 8, seed: 2_000 + seed), configuration: Self.officinaTwo)
            let trueTop = Set(truth.indices.sorted { truth[$0] > truth[$1] }.prefix(3).map { Int64($0 + 1) })
            let isRight = Set(ranking.entries.prefix(3).map(\.id)) == trueTop
            let probability = ranking.settled.probability ?? 0
            stated += probability
            if isRight { right += 1 }
            if ranking.settled.settled {
                claims += 1
                if !isRight { wrongClaims += 1 }
            }
        }
        let meanStated = stated / Double(rooms), rightShare = Double(right) / Double(rooms)
        #expect(abs(meanStated - rightShare) <= 0.12, "stated \(meanStated), right \(rightShare)")
        #expect(claims > 0, "some rooms are clear enough to settle")
        #expect(Double(wrongClaims) <= 0.2 * Double(claims) + 1, "\(wrongClaims) wrong of \(claims) claims")
    }
}
