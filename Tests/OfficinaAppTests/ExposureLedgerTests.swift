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
        #expect(counts.total == ExposureLedger.recorded)
        #expect(counts[Int64(ExposureLedger.recorded)] == 1 && counts[Int64(ExposureLedger.recorded + 1)] == 0)
    }

    @Test func aParticipantReloadingOftenCountsOnceAndLeavesAWindowAfterTheLastLoad() {
        let ledger = ExposureLedger()
        let start = Date(timeIntervalSince1970: 2_000_000)
        for second in 0..<2_000 {
            ledger.record(workshopID: 1, participant: 10, proposals: [1, 2, 3], now: start.addingTimeInterval(Double(second) / 10))
        }
        ledger.record(workshopID: 1, participant: 11, proposals: [3], now: start.addingTimeInterval(100))
        let busy = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(200))
        #expect(busy[1] == 1 && busy[2] == 1 && busy[3] == 2, "\(busy)")
        #expect(ledger.counts(workshopID: 1, excluding: 10, now: start.addingTimeInterval(200))[1] == 0)
        let afterFirst = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(ExposureLedger.window + 150))
        #expect(afterFirst[1] == 1 && afterFirst[3] == 1, "participant 11's entry left, 10's last load still counts; \(afterFirst)")
        let afterLast = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(ExposureLedger.window + 200))
        #expect(afterLast[1] == 0 && afterLast[2] == 0 && afterLast[3] == 0, "\(afterLast)")
    }

    @Test func theVersionChangesWhenCountsDoNotWhenAListIsReloaded() {
        let ledger = ExposureLedger()
        let start = Date(timeIntervalSince1970: 3_000_000)
        ledger.record(workshopID: 1, participant: 10, proposals: [1, 2], now: start)
        let first = ledger.version(workshopID: 1, now: start)
        ledger.record(workshopID: 1, participant: 10, proposals: [2, 1], now: start.addingTimeInterval(1))
        #expect(ledger.version(workshopID: 1, now: start.addingTimeInterval(1)) == first, "a reload changes no count")
        ledger.record(workshopID: 1, participant: 11, proposals: [1], now: start.addingTimeInterval(2))
        let second = ledger.version(workshopID: 1, now: start.addingTimeInterval(2))
        #expect(second != first)
        #expect(ledger.version(workshopID: 1, now: start.addingTimeInterval(ExposureLedger.window + 3)) != second, "entries expired")
    }

    @Test func aClockSetBackStillExpiresEveryEntryInTimeOrder() {
        let ledger = ExposureLedger()
        let start = Date(timeIntervalSince1970: 4_000_000)
        ledger.record(workshopID: 1, participant: 10, proposals: [1], now: start.addingTimeInterval(60))
        ledger.record(workshopID: 1, participant: 11, proposals: [2], now: start)
        let counts = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(ExposureLedger.window + 1))
        #expect(counts[1] == 1 && counts[2] == 0, "\(counts)")
    }

    @Test func aParticipantCountsOnlyForTheirLatestProposalsSoTheLedgerStaysBounded() {
        let ledger = ExposureLedger()
        let start = Date(timeIntervalSince1970: 5_000_000)
        for load in 0..<20 {
            let top = (0..<Int64(ExposureLedger.recorded)).map { Int64(load) * 10 + $0 }
            ledger.record(workshopID: 1, participant: 10, proposals: top, now: start.addingTimeInterval(Double(load)))
        }
        let counts = ledger.counts(workshopID: 1, excluding: 99, now: start.addingTimeInterval(30))
        #expect(counts.total == ExposureLedger.perParticipant)
        #expect(counts[199] == 1 && counts[170] == 1 && counts[169] == 0 && counts[0] == 0, "the latest loads count")
    }
}
