import Foundation
import OfficinaCore

/// The simulated room of `officina-bench quality` (benchmarks/quality.md), every parameter named:
///
/// - `proposals` proposals with a latent quality Q ~ N(0, 1); on each of 3 equally weighted goals the
///   true score is 2 + 0.9·Q + 0.35·N(0, 1) (goals agree, not perfectly). The true order sorts by the
///   mean true score over the goals.
/// - Each voter has a generosity b ~ N(0, `generosity`) and rates every goal of each proposal they look
///   at as round(true + b + N(0, `noise`)) clamped to 0…4.
/// - Partial viewing: a voter looks at the first `viewed` proposals of the order the server gives them
///   (`ExposureOrder`, balanced or shuffled). Voters come in waves of `wave` who load the list at the
///   same moment, so each wave sees the counts as the previous waves left them (a room votes together);
///   with `ledger` on, as in the server (`ExposureLedger`), a proposal also counts the earlier voters
///   whose list started with it, even before they rate.
/// - Focus: with `focus` on (as in the server), once every proposal has `ExposureOrder.focusFloor`
///   raters the room is ranked (officina-2) at the start of a wave whenever the raters have changed as
///   `ExposureFocus.isStale` says, and the proposals that could still be in the top 3 lead the order.
/// - Dots: 5, cap 3; a voter's sense of a proposal is its true mean + N(0, `noise`); 2 dots on their best
///   seen, 2 on the second, 1 on the third.
/// - Blocs: a share `bloc` of voters also backs one mediocre proposal (true rank in the middle) with 3
///   dots and rates it 4 on every goal, whether or not it is among what they looked at.
/// - Groups: voters declare resident, professional and organisation in turn; bloc members are students
///   (so a bloc is one group, as in docs/scoring.md §19).
struct QualityVoterModel {
    var proposals = 50
    var viewed = 10
    var generosity = 1.0
    var noise = 1.0
    var bloc = 0.0
    var exposure = ExposureMode.balanced
    var wave = 10
    var jitter = ExposureOrder.defaultJitter
    var ledger = true
    /// Whether the balanced order focuses on the contenders for the top once every proposal has
    /// `ExposureOrder.focusFloor` raters (`ExposureFocus`, ranked again as a server does).
    var focus = true

    static let goals = ["space", "partnerships", "community"].map {
        Goal(key: $0, label: LocalizedText(it: $0, en: $0), weight: 1)
    }
    /// Participant groups: voters take the first three in turn; a bloc's members are all students.
    static let groups = ["resident", "professional", "organisation", "student"].map {
        ParticipantGroup(key: $0, label: LocalizedText(it: $0, en: $0))
    }

    /// One simulated workshop: the true scores, the ballots, and the raters each proposal got.
    struct Room {
        var truth: [Double]
        var input: ScoringInput
        var raters: [Int]
        /// The mediocre proposal a bloc backs (true rank in the middle).
        var blocProposal: Int64
    }

    func room(voters: Int, seed: UInt64) -> Room {
        var random = SplitMix64(seed: seed)
        func normal() -> Double {
            let u = Double((random.next() >> 11) + 1) / 9_007_199_254_740_992
            let v = Double(random.next() >> 11) / 9_007_199_254_740_992
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        let latent = (0..<proposals).map { _ in normal() }
        let perGoal = latent.map { q in Self.goals.map { _ in 2 + 0.9 * q + 0.35 * normal() } }
        let truth = perGoal.map { $0.reduce(0, +) / Double($0.count) }
        let middle = truth.indices.sorted { truth[$0] > truth[$1] }[proposals / 2]
        let secret = withUnsafeBytes(of: seed.bigEndian) { Array($0) } + Array("officina-bench quality secret".utf8)

        var raters = Array(repeating: 0, count: proposals)
        var ratingsGiven = Array(repeating: 0, count: proposals)
        var ballots: [Ballot] = []
        var snapshot = (raters: raters, ratings: ratingsGiven)
        var assigned = Array(repeating: 0, count: proposals)
        var groupOf: [Int64: String] = [:]
        var contending: Set<Int64> = []
        var focusedAt: Int?
        for voter in 0..<voters {
            if voter % max(1, wave) == 0 {
                snapshot = (raters, ratingsGiven)
                let total = raters.reduce(0, +)
                if focus, exposure == .balanced, (raters.min() ?? 0) >= ExposureOrder.focusFloor,
                   focusedAt.map({ ExposureFocus.isStale(ratersThen: $0, ratersNow: total) }) ?? true {
                    let now = Ranking.compute(scoringInput(ballots, groupOf: groupOf), configuration: ScoringConfiguration(method: .officina2))
                    contending = ExposureFocus.contending(in: now)
                    focusedAt = total
                }
            }
            let candidates = (0..<proposals).map { (p: Int) -> ExposureCandidate in
                let known = ledger ? max(snapshot.raters[p], assigned[p]) : snapshot.raters[p]
                return ExposureCandidate(id: Int64(p + 1), raters: known, ratings: snapshot.ratings[p], seenByViewer: false,
                                         contending: contending.contains(Int64(p + 1)))
            }
            var stream = ExposureStream(secret: secret, context: "SIM:\(voter)")
            let order = ExposureOrder.compute(candidates, mode: exposure, stream: &stream, jitter: jitter)
            let seen = order.ids.prefix(viewed).map { Int($0) - 1 }
            if exposure == .balanced { for p in order.ids.prefix(10) { assigned[Int(p) - 1] += 1 } }
            let generosityOffset = generosity * normal()
            var ratings: [Int64: [String: Int]] = [:]
            var sense: [(Int, Double)] = []
            for p in seen {
                var goals: [String: Int] = [:]
                for (g, goal) in Self.goals.enumerated() {
                    let value = (perGoal[p][g] + generosityOffset + noise * normal()).rounded()
                    goals[goal.key] = Int(min(max(value, 0), 4))
                }
                ratings[Int64(p + 1)] = goals
                raters[p] += 1
                ratingsGiven[p] += Self.goals.count
                sense.append((p, truth[p] + noise * normal()))
            }
            sense.sort { $0.1 > $1.1 }
            var support: [Int64: Int] = [:]
            for (place, dots) in [2, 2, 1].enumerated() where place < sense.count {
                support[Int64(sense[place].0 + 1)] = dots
            }
            groupOf[Int64(voter + 1)] = Self.groups[voter % 3].key
            if bloc > 0, Double(random.next() >> 11) / 9_007_199_254_740_992 < bloc {
                groupOf[Int64(voter + 1)] = Self.groups[3].key
                support = [Int64(middle + 1): 3]
                if let best = sense.first, best.0 != middle { support[Int64(best.0 + 1)] = 2 }
                ratings[Int64(middle + 1)] = Dictionary(uniqueKeysWithValues: Self.goals.map { ($0.key, 4) })
            }
            ballots.append(Ballot(participantID: Int64(voter + 1), support: support, ratings: ratings))
        }
        return Room(truth: truth, input: scoringInput(ballots, groupOf: groupOf), raters: raters, blocProposal: Int64(middle + 1))
    }

    /// The ballots so far as the scorer's input.
    private func scoringInput(_ ballots: [Ballot], groupOf: [Int64: String]) -> ScoringInput {
        let candidates = (0..<proposals).map {
            RankingCandidate(id: Int64($0 + 1), title: "P\($0 + 1)", author: nil, goals: [])
        }
        var input = ScoringInput(
            workshop: "SIM001", phase: .voting, goals: Self.goals, candidates: candidates, ballots: ballots,
            settings: WorkshopSettings(votingMethod: .dots, dotBudget: 5, perProposalCap: 3, ratingsEnabled: true)
        )
        input.participantGroups = Self.groups
        input.groupOf = groupOf
        return input
    }
}
