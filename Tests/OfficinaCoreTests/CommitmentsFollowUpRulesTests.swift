import Foundation
import Testing
@testable import OfficinaCore

@Suite struct CommitmentsFollowUpRulesTests {
    @Test(arguments: ["2027-03-15", "2028-02-29", "2000-02-29", "2026-12-31"])
    func realDaysAreAccepted(_ text: String) {
        #expect(CalendarDate(text)?.description == text)
    }

    @Test(arguments: ["2027-02-29", "2100-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "27-03-15", "2027-3-15",
                      "2027-03-15T10:00", "２０２７-03-15", "", "1999-12-31", "2027/03/15"])
    func anythingElseIsRefused(_ text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func droppingNeedsAReasonAndOtherStatusesClearIt() throws {
        #expect(throws: DomainError.self) { try ActionRules.reason(for: .dropped, given: nil, current: "") }
        #expect(try ActionRules.reason(for: .dropped, given: nil, current: "Nessuno spazio") == "Nessuno spazio")
        #expect(try ActionRules.reason(for: .dropped, given: "Costi", current: "") == "Costi")
        #expect(try ActionRules.reason(for: .done, given: "ignored", current: "old") == "")
    }

    @Test func actionsStartOnlyAfterClosing() {
        for phase in [Phase.draft, .collecting, .voting] {
            #expect(throws: DomainError.self) { try ActionRules.checkClosed(phase) }
        }
        #expect(throws: Never.self) { try ActionRules.checkClosed(.closed) }
    }
}
