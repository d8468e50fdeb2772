import Testing
@testable import OfficinaCore

@Suite struct RulesBallotTests {
    private let me: Int64 = 10
    private let visible: Set<Int64> = [1, 2, 3, 4]
    private let goals: Set<String> = ["space", "partnerships", "community"]
    private let authors: [Int64: Int64] = [1: 20, 2: 21, 3: 10, 4: 22]
    private let dots = WorkshopSettings(votingMethod: .dots, dotBudget: 5, perProposalCap: 3)

    private func code(
        _ support: [Int64: Int] = [:], _ ratings: [Int64: [String: Int]] = [:], settings: WorkshopSettings? = nil
    ) -> String? {
        do {
            try BallotRules.validate(
                Ballot(participantID: me, support: support, ratings: ratings), settings: settings ?? dots,
                visibleProposalIDs: visible, goalKeys: goals, authorOf: authors, participantID: me)
            return nil
        } catch {
            #expect(error.kind == .invalid)
            return error.code
        }
    }

    @Test func aBallotWithinBudgetAndCapIsAccepted() {
        #expect(code([1: 3, 2: 2], [1: ["space": 4, "community": 0]]) == nil)
    }

    @Test func anEmptyBallotIsAccepted() {
        #expect(code() == nil)
    }

    @Test func spendingMoreThanTheBudgetIsRefused() {
        #expect(code([1: 3, 2: 2, 4: 1]) == "budget")
    }

    @Test func moreDotsThanTheCapOnOneProposalIsRefused() {
        #expect(code([1: 4]) == "cap")
    }

    @Test func negativeDotsCannotBuyBudgetBack() {
        #expect(code([1: 3, 2: 3, 4: -1]) == "cap")
    }

    @Test func hugeDotCountsCannotOverflowTheBudgetSum() {
        #expect(code([1: Int.max, 2: Int.max]) == "cap")
    }

    @Test func supportingOnesOwnProposalIsRefused() {
        #expect(code([3: 1]) == "self_support")
    }

    @Test func supportingOnesOwnProposalIsAllowedWhenTheWorkshopSaysSo() {
        var settings = dots
        settings.allowSelfSupport = true
        #expect(code([3: 1], [3: ["space": 2]], settings: settings) == nil)
    }

    @Test func ratingOnesOwnProposalIsRefused() {
        #expect(code([:], [3: ["space": 4]]) == "self_rating")
    }

    @Test func supportForAHiddenOrMergedOrForeignProposalIsRefused() {
        #expect(code([99: 1]) == "unknown_proposal")
        #expect(code([:], [99: ["space": 1]]) == "unknown_proposal")
    }

    @Test func aRatingOutsideZeroToFourIsRefused() {
        #expect(code([:], [1: ["space": 5]]) == "rating")
        #expect(code([:], [1: ["space": -1]]) == "rating")
    }

    @Test func aRatingOnAnUnknownGoalIsRefused() {
        #expect(code([:], [1: ["moon": 2]]) == "unknown_goal")
    }

    @Test func ratingsAreRefusedWhenTheWorkshopDoesNotAskForThem() {
        var settings = dots
        settings.ratingsEnabled = false
        #expect(code([1: 1], [1: ["space": 2]], settings: settings) == "ratings_disabled")
        #expect(code([1: 1], settings: settings) == nil)
    }

    @Test func approvalVotingTakesOnlyOnes() {
        let approval = WorkshopSettings(votingMethod: .approval)
        #expect(code([1: 1, 2: 1, 4: 1], settings: approval) == nil)
        #expect(code([1: 2], settings: approval) == "approval_value")
        #expect(code([1: -1], settings: approval) == "approval_value")
    }

    @Test func approvalVotingHasNoBudget() {
        let approval = WorkshopSettings(votingMethod: .approval, dotBudget: 1, perProposalCap: 1)
        #expect(code([1: 1, 2: 1, 4: 1], settings: approval) == nil)
    }

    @Test func theFirstProblemByAscendingIdIsReportedWithItsField() {
        do {
            try BallotRules.validate(
                Ballot(participantID: me, support: [4: 9, 2: 9]), settings: dots, visibleProposalIDs: visible,
                goalKeys: goals, authorOf: authors, participantID: me)
            Issue.record("accepted")
        } catch {
            #expect(error.field == "support.2")
        }
    }
}
