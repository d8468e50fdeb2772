import OfficinaCore
import Testing
@testable import OfficinaStore

/// `contentGeneration` stays put under ballots and moves with every other write, so what is kept
/// under it (a proposal list's proposals) survives a ballot storm and never outlives an edit.
@Suite struct StoreContentGenerationTests {
    @Test func ballotsMoveTheChangeGenerationButNotTheContentGeneration() async throws {
        let fixture = try Fixture(participantCount: 3, proposalCount: 3)
        let store = fixture.store, workshopID = fixture.workshop.id, edited = fixture.proposals[0].id
        let content = store.contentGeneration, changes = store.changeGeneration
        for (index, participant) in fixture.participants.enumerated() {
            let ballot = Ballot(participantID: participant.id, support: [fixture.proposals[index].id: 1])
            try await store.replaceBallot(ballot, workshopID: workshopID)
        }
        let checked = Ballot(participantID: fixture.participants[0].id, support: [fixture.proposals[1].id: 2])
        try await store.replaceBallot(checked, workshopID: workshopID) { _ in () }
        #expect(store.changeGeneration == changes + 4)
        #expect(store.contentGeneration == content)

        try await store.write { db in _ = try db.proposals.update(id: edited, title: "Renamed") }
        #expect(store.contentGeneration == content + 1)
        #expect(store.changeGeneration == changes + 5)
    }

    @Test func aBatchMixingBallotsAndOtherWritesMovesTheContentGeneration() async throws {
        let fixture = try Fixture(participantCount: 8, proposalCount: 2)
        let store = fixture.store, workshopID = fixture.workshop.id
        let supported = fixture.proposals[0].id, edited = fixture.proposals[1].id
        let content = store.contentGeneration
        // Submitted together, so the writer is likely to commit several in one batch; whatever
        // the batches, the one edit moves the content generation, and only by one.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for participant in fixture.participants {
                group.addTask {
                    try await store.replaceBallot(Ballot(participantID: participant.id, support: [supported: 1]),
                                                  workshopID: workshopID)
                }
            }
            group.addTask {
                try await store.write { db in _ = try db.proposals.update(id: edited, body: "Changed") }
            }
            try await group.waitForAll()
        }
        #expect(store.contentGeneration == content + 1)
        let body = try store.read { db in try db.proposals.find(id: edited)?.body }
        #expect(body == "Changed")
    }
}
