import Foundation
import Testing
@testable import OfficinaApp

/// The server's memory of whose list started with which proposals (so a room loading the list together
/// is spread over the least-seen proposals instead of piling onto the same few).
@Suite struct ExposureLedgerTests {
    @Test func countsOtherParticipantsWithinTheWindowOnceEach() {
        let ledger = ExposureLedger()
        let start = Date(timeIntervalSince1970: 1_000_000)
        ledger.record(workshopID: 1, participant: 10, proposals: [1, 2, 3], now: start)
        ledger.record(workshopID: 1, participant: 10, proposals: [1, 2], now: start.addingTimeInterval(5))
        ledger.record(workshopID: 1, participant: 11, proposals: [2], now: start.addingTimeInterval(10))
        ledger.record(workshopID: 2, participant: 12, proposals: [1], now: start)
        let counts = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(20))
        #expect(counts[1] == 1 && counts[2] == 2 && counts[3] == 1, "reloading does not count twice; \(counts)")
        #expect(ledger.counts(workshopID: 1, excluding: 11, now: start.addingTimeInterval(20))[2] == 1, "not oneself")
        let later = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(ExposureLedger.window + 6))
        #expect(later[1] == 0 && later[2] == 1, "past the window only the latest list counts; \(later)")
    }

    @Test func recordsAtMostOnePersonsWorthOfProposals() {
        let ledger = ExposureLedger()
        ledger.record(workshopID: 1, participant: 10, proposals: Array(1...30))
        let counts = ledger.counts(workshopID: 1, excluding: 0)
        #expect(counts.values.reduce(0, +) == ExposureLedger.recorded)
        #expect(counts[Int64(ExposureLedger.recorded)] == 1 && counts[Int64(ExposureLedger.recorded + 1)] == nil)
    }
}
