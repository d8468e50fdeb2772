import Foundation
import Testing
@testable import OfficinaCore

@Suite struct RulesPhaseTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: ParticipantAction.allCases)
    func eachActionIsAllowedInExactlyOnePhase(action: ParticipantAction) {
        let allowed = Phase.allCases.filter { PhaseRules.allows(action, phase: $0, now: now) }
        #expect(allowed == [action.phase])
    }

    @Test func proposalsAndBuildOnsBelongToCollectingAndBallotsToVoting() {
        #expect(ParticipantAction.addProposal.phase == .collecting)
        #expect(ParticipantAction.editOwnProposal.phase == .collecting)
        #expect(ParticipantAction.buildOn.phase == .collecting)
        #expect(ParticipantAction.castBallot.phase == .voting)
        #expect(ParticipantAction.viewResults.phase == .closed)
    }

    @Test func aWrongPhaseIsRefusedWithCodePhaseNamingThePhase() {
        do {
            try PhaseRules.check(.addProposal, phase: .voting, now: now)
            Issue.record("a proposal was accepted while voting")
        } catch {
            #expect(error.kind == .phase)
            #expect(error.code == "phase")
            #expect(error.message.contains("voting"))
            #expect(error.message.contains("collecting"))
        }
    }

    @Test func buildingOnAnIdeaDuringVotingIsRefused() {
        #expect(throws: DomainError.self) { try PhaseRules.check(.buildOn, phase: .voting, now: now) }
    }

    @Test func aBallotAfterTheVotingDeadlineIsRefusedWithCodeDeadline() {
        do {
            try PhaseRules.check(.castBallot, phase: .voting, deadline: now, now: now)
            Issue.record("a ballot was accepted at the deadline")
        } catch {
            #expect(error.code == "deadline")
            #expect(error.kind == .phase)
            #expect(error.message.contains("voting"))
        }
    }

    @Test func aBallotBeforeTheDeadlineIsAccepted() throws {
        try PhaseRules.check(.castBallot, phase: .voting, deadline: now.addingTimeInterval(1), now: now)
    }

    @Test func aProposalAfterTheCollectingDeadlineIsRefused() {
        #expect(!PhaseRules.allows(.addProposal, phase: .collecting, deadline: now.addingTimeInterval(-60), now: now))
    }

    @Test func resultsStayPublicWhateverTheOldDeadline() throws {
        try PhaseRules.check(.viewResults, phase: .closed, deadline: now.addingTimeInterval(-60), now: now)
    }

    @Test func aDeadlineMustBeInTheFutureAndOnlyForCollectingOrVoting() throws {
        try PhaseRules.validateDeadline(now.addingTimeInterval(600), for: .voting, now: now)
        try PhaseRules.validateDeadline(now.addingTimeInterval(600), for: .collecting, now: now)
        #expect(throws: DomainError.self) { try PhaseRules.validateDeadline(now, for: .voting, now: now) }
        #expect(throws: DomainError.self) { try PhaseRules.validateDeadline(now.addingTimeInterval(600), for: .closed, now: now) }
        #expect(throws: DomainError.self) { try PhaseRules.validateDeadline(now.addingTimeInterval(600), for: .draft, now: now) }
    }
}
