import Testing
@testable import OfficinaCore

/// `BallotCounting`, the one rule for what a cast ballot counts for under merges and hides.
@Suite struct RulesBallotCountingTests {
    /// Random proposals (some hidden, some merged in chains, authored by voters 1–4) and random
    /// valid cast ballots: every counted ballot stays within budget and cap, never supports its
    /// voter's own proposal or a proposal that is not visible, and counting it again changes nothing.
    @Test func countingNeverAddsDotsNeverCountsOwnOrInvisibleProposalsAndIsIdempotent() {
        var random = SplitMix64(seed: 0xBA11_07)
        var asserted = 0
        let cases = 300
        for _ in 0..<cases {
            let settings = WorkshopSettings(dotBudget: 5, perProposalCap: 3)
            var proposals: [(id: Int64, authorID: Int64, status: ProposalStatus)] = []
            for id in Int64(1)...10 {
                var status: ProposalStatus = Int.random(in: 0..<5, using: &random) == 0 ? .hidden : .visible
                // Merges point only to lower ids, so chains end and never cycle, as the App allows.
                if id > 1, Int.random(in: 0..<3, using: &random) == 0 { status = .merged(into: Int64.random(in: 1..<id, using: &random)) }
                proposals.append((id, Int64.random(in: 1...4, using: &random), status))
            }
            let counting = BallotCounting(proposals: proposals, settings: settings)
            var ok = true
            for voter in Int64(1)...4 {
                var support: [Int64: Int] = [:]
                var left = settings.dotBudget
                for id in (Int64(1)...10).shuffled(using: &random).prefix(4) where left > 0 {
                    let dots = Int.random(in: 1...min(settings.perProposalCap, left), using: &random)
                    support[id] = dots
                    left -= dots
                }
                let cast = Ballot(participantID: voter, support: support)
                let counted = counting.count(cast)
                let statuses = Dictionary(uniqueKeysWithValues: proposals.map { ($0.id, $0) })
                ok = ok && counted.ballot.spent <= cast.spent
                ok = ok && counted.ballot.support.values.allSatisfy { (1...settings.perProposalCap).contains($0) }
                ok = ok && counted.ballot.support.keys.allSatisfy { statuses[$0]?.status == .visible && statuses[$0]?.authorID != voter }
                ok = ok && counting.count(counted.ballot) == CountedBallot(ballot: counted.ballot)
                ok = ok && (counted.notices.isEmpty == (counted.ballot.support == cast.support))
            }
            #expect(ok)
            if ok { asserted += 1 }
        }
        #expect(asserted == cases)
    }

    @Test func aMergeChainUndoneInTheMiddleCountsEachDotOnce() {
        // A:2, Z:3; A→B, B→C: the dots count on C. Undo A→B (A visible again): they count on A only.
        let settings = WorkshopSettings(dotBudget: 5, perProposalCap: 3)
        let cast = Ballot(participantID: 9, support: [1: 2, 26: 3])
        let chained = BallotCounting(proposals: [(1, 7, .merged(into: 2)), (2, 7, .merged(into: 3)), (3, 7, .visible), (26, 7, .visible)], settings: settings)
        #expect(chained.count(cast).ballot.support == [3: 2, 26: 3])
        #expect(chained.count(cast).notices == [BallotNotice(.merged, proposal: 1, into: 3, dots: 2, counted: 2)])
        let undone = BallotCounting(proposals: [(1, 7, .visible), (2, 7, .merged(into: 3)), (3, 7, .visible), (26, 7, .visible)], settings: settings)
        #expect(undone.count(cast).ballot.support == [1: 2, 26: 3])
        #expect(undone.tallies([cast]).mapValues(\.support) == [1: 2, 26: 3])
    }

    @Test func supportMergedIntoTheVotersOwnProposalCountsOnlyWhenSelfSupportIsAllowed() {
        let proposals: [(id: Int64, authorID: Int64, status: ProposalStatus)] = [(1, 7, .merged(into: 2)), (2, 9, .visible)]
        let cast = Ballot(participantID: 9, support: [1: 2], ratings: [1: ["space": 4]])
        let strict = BallotCounting(proposals: proposals, settings: WorkshopSettings())
        #expect(strict.count(cast).ballot == Ballot(participantID: 9))
        #expect(strict.count(cast).notices.map(\.reason) == [.ownProposal])
        let lenient = BallotCounting(proposals: proposals, settings: WorkshopSettings(allowSelfSupport: true))
        #expect(lenient.count(cast).ballot.support == [2: 2])
        #expect(lenient.count(cast).ballot.ratings == [2: ["space": 4]])
    }
}
