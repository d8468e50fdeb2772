import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// Two stores on one file, as when `officina seed` or `officina backup` runs beside a serving
/// `officina serve`: the busy timeout and `BEGIN IMMEDIATE` make them take turns, never fail.
@Suite(.timeLimit(.minutes(3))) struct StoreSharedFileTests {
    @Test func twoStoresWritingOneFileAtOnceLoseNothingAndNeverReportBusy() async throws {
        let fixture = try Fixture(participantCount: 0, proposalCount: 0)
        let second = try Store(path: fixture.folder.path("officina.db"))
        let workshopID = fixture.workshop.id
        let perStore = 150
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (name, store) in [("a", fixture.store), ("b", second)] {
                for lane in 0..<4 {
                    group.addTask {
                        for index in 0..<(perStore / 4) {
                            try await store.write { db in
                                _ = try db.participants.create(workshopID: workshopID, name: name, tokenHash: "\(name)-\(lane)-\(index)")
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let count = try fixture.store.read { db in try db.participants.list(workshopID: workshopID).count }
        #expect(count == 2 * (perStore / 4) * 4)
        // A backup through the second store sees the first store's writes.
        try second.backup(to: fixture.folder.path("copy.db"))
        second.close()
        let copy = try Store(path: fixture.folder.path("copy.db"))
        #expect(try copy.read { db in try db.participants.list(workshopID: workshopID).count } == count)
    }
}
