import Testing
@testable import OfficinaCore

@Suite struct RulesSettingsTests {
    private func code(_ settings: WorkshopSettings) -> String? {
        do {
            try SettingsRules.validate(settings)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func theDefaultsAreValid() {
        #expect(code(.default) == nil)
    }

    @Test func aBudgetOutsideOneToAHundredIsRefused() {
        #expect(code(WorkshopSettings(dotBudget: 0, perProposalCap: 1)) == "budget")
        #expect(code(WorkshopSettings(dotBudget: 101, perProposalCap: 1)) == "budget")
        #expect(code(WorkshopSettings(dotBudget: 100, perProposalCap: 100)) == nil)
        #expect(code(WorkshopSettings(dotBudget: 1, perProposalCap: 1)) == nil)
    }

    @Test func aCapOutsideOneToTheBudgetIsRefused() {
        #expect(code(WorkshopSettings(dotBudget: 5, perProposalCap: 0)) == "cap")
        #expect(code(WorkshopSettings(dotBudget: 5, perProposalCap: 6)) == "cap")
    }

    @Test(arguments: [
        WorkshopSettings(votingMethod: .approval), WorkshopSettings(dotBudget: 6), WorkshopSettings(perProposalCap: 2),
        WorkshopSettings(ratingsEnabled: false), WorkshopSettings(allowSelfSupport: true),
    ])
    func votingSettingsAreLockedOnceABallotExists(changed: WorkshopSettings) throws {
        try SettingsRules.validateChange(from: .default, to: changed, ballotsExist: false)
        do {
            try SettingsRules.validateChange(from: .default, to: changed, ballotsExist: true)
            Issue.record("changed a voting setting after ballots")
        } catch {
            #expect(error.kind == .locked)
            #expect(error.code == "locked")
        }
    }

    @Test func displaySettingsStayEditableDuringVoting() throws {
        let changed = WorkshopSettings(anonymous: true, shuffleProposals: false, showLiveTallies: true, requireAccessCode: true)
        try SettingsRules.validateChange(from: .default, to: changed, ballotsExist: true)
    }

    @Test func anInvalidChangeIsRefusedEvenBeforeBallots() {
        #expect(throws: DomainError.self) {
            try SettingsRules.validateChange(from: .default, to: WorkshopSettings(dotBudget: 0), ballotsExist: false)
        }
    }
}
