import Foundation
import Testing
@testable import OfficinaStore

@Suite struct EventRepositoryTests {
    @Test func eventsAreNumberedPerWorkshopAndListedSinceASequence() throws {
        let fixture = try Fixture(participantCount: 0, proposalCount: 0)
        let w = fixture.workshop.id
        let other = try fixture.store.writeBlocking { db in
            try db.workshops.create(programmeID: fixture.programme.id, theme: "x", title: .init(it: "x", en: "x"), description: .init(it: "", en: ""))
        }
        let appended = try fixture.store.writeBlocking { db in
            let events = try (1...5).map { try db.events.append(workshopID: w, type: "tally", data: "{\"n\":\($0)}") }
            _ = try db.events.append(workshopID: other.id, type: "workshop", data: "{}")
            return events
        }
        #expect(appended.map(\.seq) == [1, 2, 3, 4, 5])
        let since = try fixture.store.read { db in try db.events.since(workshopID: w, after: 3) }
        #expect(since == Array(appended.suffix(2)))
        #expect(try fixture.store.read { db in try db.events.since(workshopID: other.id, after: 0).map(\.seq) } == [1])
        #expect(try fixture.store.read { db in try db.events.latestSeq(workshopID: w) } == 5)
    }

    @Test func pruningKeepsTheNewestEventsAndTheSequenceGoesOn() throws {
        let fixture = try Fixture(participantCount: 0, proposalCount: 0)
        let w = fixture.workshop.id
        let removed = try fixture.store.writeBlocking { db in
            for _ in 1...10 { try db.events.append(workshopID: w, type: "tally", data: "{}") }
            return try db.events.prune(workshopID: w, keepingLast: 3)
        }
        #expect(removed == 7)
        #expect(try fixture.store.read { db in try db.events.oldestSeq(workshopID: w) } == 8)
        let next = try fixture.store.writeBlocking { db in try db.events.append(workshopID: w, type: "tally", data: "{}") }
        #expect(next.seq == 11)
    }
}
