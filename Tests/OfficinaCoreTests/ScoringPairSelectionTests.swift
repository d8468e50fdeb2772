import Foundation
import Testing
@testable import OfficinaCore

/// Adaptive pair selection (docs/scoring.md, "Pairwise method"): coverage, never a repeated pair,
/// near neighbours, random ties from the server secret, and offers that cannot be forged.
@Suite struct ScoringPairSelectionTests {
    static let secret = Array(repeating: UInt8(7), count: 32)

    static func even(_ count: Int) -> [PairCandidate] {
        (1...count).map { PairCandidate(id: Int64($0), strength: 0, comparisons: 0) }
    }

    @Test(arguments: [2, 3, 6, 9])
    func aParticipantIsAskedEveryPairOnceThenNothing(count: Int) {
        var answered: Set<ProposalPair> = []
        var candidates = Self.even(count)
        for step in 0..<(count * (count - 1) / 2) {
            var stream = ExposureStream(secret: Self.secret, context: "T:1:pair:\(step)")
            guard let pair = PairSelection.next(candidates, answered: answered, stream: &stream) else {
                Issue.record("no pair at step \(step)")
                return
            }
            #expect(answered.insert(pair).inserted)
            for index in candidates.indices where pair.contains(candidates[index].id) { candidates[index].comparisons += 1 }
        }
        var stream = ExposureStream(secret: Self.secret, context: "T:1:pair:end")
        #expect(PairSelection.next(candidates, answered: answered, stream: &stream) == nil)
    }

    @Test func theLeastComparedProposalIsAlwaysInThePair() {
        var random = SplitMix64(seed: 11)
        for trial in 0..<200 {
            let candidates = (1...12).map {
                PairCandidate(id: Int64($0), strength: Double.random(in: -2...2, using: &random),
                              comparisons: Int.random(in: 0...20, using: &random))
            }
            var stream = ExposureStream(secret: Self.secret, context: "T:\(trial)")
            let pair = PairSelection.next(candidates, answered: [], stream: &stream)!
            let fewest = candidates.map(\.comparisons).min()!
            let least = candidates.filter { $0.comparisons == fewest }.map(\.id)
            #expect(least.contains(pair.low) || least.contains(pair.high))
        }
    }

    @Test func thePartnerIsANearNeighbourInStrength() {
        let candidates = (1...20).map { PairCandidate(id: Int64($0), strength: Double($0) / 4, comparisons: $0 == 10 ? 0 : 5) }
        for trial in 0..<100 {
            var stream = ExposureStream(secret: Self.secret, context: "near:\(trial)")
            let pair = PairSelection.next(candidates, answered: [], stream: &stream)!
            let partner = pair.other(than: 10)!
            // Proposal 10 is the least compared; its 3 nearest neighbours are ids 9, 11 and 8 or 12.
            #expect(abs(partner - 10) <= 2)
        }
    }

    @Test func tiesAreBrokenAtRandomSoEveryProposalLeadsSometimes() {
        var appearances: [Int64: Int] = [:]
        for participant in 0..<600 {
            var stream = ExposureStream(secret: Self.secret, context: "ROOM:\(participant):pair:0")
            let pair = PairSelection.next(Self.even(6), answered: [], stream: &stream)!
            appearances[pair.low, default: 0] += 1
            appearances[pair.high, default: 0] += 1
        }
        // 1,200 places over 6 proposals: 200 each on average; a fixed tie rule would give some 0.
        for id in Int64(1)...6 { #expect((120...280).contains(appearances[id] ?? 0)) }
        var a = ExposureStream(secret: Self.secret, context: "same")
        var b = ExposureStream(secret: Self.secret, context: "same")
        #expect(PairSelection.next(Self.even(6), answered: [], stream: &a) == PairSelection.next(Self.even(6), answered: [], stream: &b))
    }

    @Test func hiddenAndMergedProposalsAreNeverOffered() {
        let candidates = [
            RankingCandidate(id: 1, title: "A"), RankingCandidate(id: 2, title: "B", status: .hidden),
            RankingCandidate(id: 3, title: "C", status: .merged(into: 1)), RankingCandidate(id: 4, title: "D"),
        ]
        let strengths = PairwiseStrengths.candidates(candidates, comparisons: [Comparison(participantID: 1, winner: 3, loser: 4)!])
        #expect(strengths.map(\.id) == [1, 4])
        #expect(strengths[0].comparisons == 1 && strengths[0].strength > strengths[1].strength)
        var stream = ExposureStream(secret: Self.secret, context: "x")
        #expect(PairSelection.next(strengths, answered: [], stream: &stream) == ProposalPair(1, 4))
    }

    @Test func anOfferIsBoundToItsParticipantWorkshopAndPair() {
        let pair = ProposalPair(3, 8)!
        let token = PairOffer.token(secret: Self.secret, workshopID: 1, participantID: 5, pair: pair)
        #expect(PairOffer.verify(token, secret: Self.secret, workshopID: 1, participantID: 5, pair: ProposalPair(8, 3)!))
        #expect(!PairOffer.verify(token, secret: Self.secret, workshopID: 1, participantID: 6, pair: pair))
        #expect(!PairOffer.verify(token, secret: Self.secret, workshopID: 2, participantID: 5, pair: pair))
        #expect(!PairOffer.verify(token, secret: Self.secret, workshopID: 1, participantID: 5, pair: ProposalPair(3, 9)!))
        #expect(!PairOffer.verify(token, secret: Array(repeating: 8, count: 32), workshopID: 1, participantID: 5, pair: pair))
        #expect(!PairOffer.verify("", secret: Self.secret, workshopID: 1, participantID: 5, pair: pair))
    }
}
