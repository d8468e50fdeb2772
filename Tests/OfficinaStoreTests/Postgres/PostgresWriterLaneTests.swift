import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// The writer's second lane on PostgreSQL, over a real server: while one batch of ballots is held
/// inside its transaction, other voters' ballots (enough of them to start a second batch) commit on
/// the other connection; the held voter's next ballot and any other write wait for the held batch,
/// so the voter's last ballot wins and the running tallies still equal a rebuild from the cells.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"), .timeLimit(.minutes(3)))
struct PostgresWriterLaneTests {
    @Test func anotherVotersBallotCommitsWhileABatchIsHeldAndTheHeldVoterKeepsTheOrder() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let others = 1...WriterLanes.defaultOverlapThreshold
        let room = try TestRoom(in: store, voters: others.count + 3, proposals: 3, author: others.count + 2)
        let gate = Gate()
        // Voter 0's first ballot: its check holds the batch open, on lane 0, inside its transaction.
        let held = Task {
            try await store.replaceBallot(room.ballot(0, [0: 1], [0: ["space": 1]]), workshopID: room.workshopID) { _ in
                gate.waitUntilOpened()
                return "held"
            }
        }
        try await gate.entered()
        // Other voters' ballots overlap on lane 1 and are acknowledged while voter 0's batch is held.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for voter in others {
                group.addTask { try await store.replaceBallot(room.ballot(voter, [1: 2], [1: ["community": 4]]), workshopID: room.workshopID) }
            }
            try await group.waitForAll()
        }
        #expect(try store.read { try $0.ballots.get(participantID: room.voters[1], workshopID: room.workshopID) }?.support == [room.proposals[1]: 2])
        // Voter 0's second ballot and a content write must wait for the held batch.
        let second = Task { try await store.replaceBallot(room.ballot(0, [2: 3]), workshopID: room.workshopID) }
        let renamed = Task { try await store.write { db in try db.execute("UPDATE participants SET name = 'renamed' WHERE id = ?", [room.voters[others.count + 1]]) } }
        while store.queuedWrites < 2 { try await Task.sleep(nanoseconds: 1_000_000) }
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(store.queuedWrites == 2, "neither overlaps the held batch")
        gate.open()
        #expect(try await held.value == "held")
        try await second.value
        try await renamed.value
        let final = try store.read { try $0.ballots.get(participantID: room.voters[0], workshopID: room.workshopID) }
        #expect(final?.support == [room.proposals[2]: 3])
        #expect(final?.ratings.isEmpty == true)
        #expect(try room.talliesMatchARebuild(in: store))
    }

    @Test func manyVotersThroughBothLanesLeaveTalliesEqualToTheCells() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let room = try TestRoom(in: store, voters: 40, proposals: 6, author: 39)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for voter in 0..<39 {
                group.addTask {
                    for round in 0..<15 {
                        let picks = (0..<3).map { (voter + round + $0 * 2) % 6 }
                        let ballot = room.ballot(voter, [picks[0]: 1 + round % 2, picks[1]: 1], [picks[2]: ["space": round % 5, "community": voter % 5]])
                        try await store.replaceBallot(ballot, workshopID: room.workshopID)
                    }
                }
            }
            try await group.waitForAll()
        }
        let stored = try store.read { try $0.ballots.all(workshopID: room.workshopID) }
        #expect(stored.count == 39)
        for ballot in stored {
            let voter = try #require(room.voters.firstIndex(of: ballot.participantID))
            let picks = (0..<3).map { room.proposals[(voter + 14 + $0 * 2) % 6] }
            #expect(ballot.support == [picks[0]: 1, picks[1]: 1], "voter \(voter)'s last ballot")
            #expect(ballot.ratings == [picks[2]: ["space": 4, "community": voter % 5]])
        }
        #expect(try room.talliesMatchARebuild(in: store))
    }
}
