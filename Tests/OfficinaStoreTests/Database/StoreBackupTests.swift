import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct StoreBackupTests {
    @Test func aBackupTakenWhileWritersRunIsAConsistentOfficinaDatabase() async throws {
        let fixture = try Fixture(participantCount: 50, proposalCount: 5)
        let store = fixture.store
        let w = fixture.workshop.id
        let proposalIDs = fixture.proposals.map(\.id)
        let voters = fixture.participants.map(\.id)
        let writers = Task {
            var written = 0
            while !Task.isCancelled && written < 2_000 {
                let voter = voters[written % 50]
                let proposal = proposalIDs[written % 5]
                try await store.write { db in
                    try db.ballots.replace(Ballot(participantID: voter, support: [proposal: 1]), workshopID: w)
                }
                written += 1
            }
            return written
        }
        try await Task.sleep(nanoseconds: 20_000_000)
        let target = fixture.folder.path("backup.db")
        try store.backup(to: target)
        writers.cancel()
        _ = try await writers.value
        #expect(try fixture.folder.files().filter { $0.contains("partial") }.isEmpty)

        let restored = try Store(path: target)
        #expect(try restored.read { db in try db.integrityCheck() } == ["ok"])
        let workshops = try restored.read { db in try db.programmes.list()[0].workshops }
        #expect(workshops == [fixture.workshop])
        let ballots = try restored.read { db in try db.ballots.count(workshopID: w) }
        #expect(ballots <= 50)
    }
}
