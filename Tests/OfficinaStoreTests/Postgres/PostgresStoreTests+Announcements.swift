import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

extension PostgresStoreTests {
    /// What a listening instance was handed, and its change generation at that moment.
    final class Heard: @unchecked Sendable {
        // Guarded by `lock`.
        private let lock = NSLock()
        private var entries: [(payload: String, generation: Int)] = []

        func add(_ payload: String, _ generation: Int) {
            lock.lock()
            entries.append((payload, generation))
            lock.unlock()
        }

        var all: [(payload: String, generation: Int)] {
            lock.lock()
            defer { lock.unlock() }
            return entries
        }

        /// Polls for up to 10 s (a liveness bound) until `found` holds.
        func wait(_ found: ([(payload: String, generation: Int)]) -> Bool) async throws -> Bool {
            for _ in 0..<200 {
                if found(all) { return true }
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            return found(all)
        }
    }

    /// A batch through instance A announces a new event (`e:`) and changed tallies (`t:`), then
    /// itself (`w:`, last, at commit). Instance B must count the change before it hands on each
    /// announcement: B's tally and ranking caches are keyed by its change generation, and a tally
    /// read on `t:` under the generation from before the batch was the stale cached one, sent to
    /// every stream of B and never corrected until the next ballot (seen by
    /// `officina-bench system cross`: now and then a ballot whose tally no stream of B ever got).
    @Test func anotherInstancesBatchMovesTheChangeGenerationBeforeItsAnnouncementsAreHandled() async throws {
        try await withListeningInstances { a, b, heard, room in
            let (workshopID, participantID, proposalID) = (room.workshop.id, room.participant.id, room.proposals[0].id)

            let ballot = Ballot(participantID: participantID, support: [proposalID: 2])
            try await a.write { db in
                _ = try db.events.append(workshopID: workshopID, type: "x", data: "{}")
                try db.ballots.replace(ballot, workshopID: workshopID)
            }
            #expect(try await heard.wait { $0.contains { $0.payload == "t:\(workshopID)" } })
            let entries = heard.all
            let tally = try #require(entries.lastIndex { $0.payload == "t:\(workshopID)" })
            let event = try #require(entries[..<tally].lastIndex { $0.payload == "e:\(workshopID)" })
            #expect(entries[tally].generation > entries[event].generation)
        }
    }
}

extension PostgresStoreTests {
    /// A batch of ballots through instance A moves instance B's change generation but not its
    /// content generation (B keeps its proposal lists' proposals); any other write through A moves both.
    @Test func anotherInstancesBallotsLeaveTheContentGenerationAlone() async throws {
        try await withListeningInstances { a, b, heard, room in
            let (workshopID, participantID, proposalID) = (room.workshop.id, room.participant.id, room.proposals[0].id)
            // Every announcement of the warm-up has arrived once B's generation stops moving.
            var settled = b.changeGeneration
            while try await Heard.waitBriefly({ b.changeGeneration != settled }) { settled = b.changeGeneration }

            let changes = b.changeGeneration, content = b.contentGeneration
            for dots in 1...3 {
                try await a.replaceBallot(Ballot(participantID: participantID, support: [proposalID: dots]), workshopID: workshopID)
            }
            // Each batch announces its tally (`t:`) and itself (`w:…:ballots`).
            #expect(try await heard.wait { _ in b.changeGeneration >= changes + 6 })
            #expect(b.contentGeneration == content)

            try await a.write { db in _ = try db.proposals.update(id: proposalID, title: "Renamed") }
            #expect(try await heard.wait { _ in b.contentGeneration > content })
            #expect(b.changeGeneration > changes + 6)
        }
    }
}

extension PostgresStoreTests {
    /// Instance B learns from A's announcements that another instance writes to the database (its
    /// writer then keeps to one lane, ``ForeignWriters``); its own batches do not count.
    @Test func anotherInstancesBatchesMarkItAsWriting() async throws {
        try await withListeningInstances { a, b, heard, room in
            // The seeding through A counted; wait until B no longer counts A as writing.
            #expect(try await heard.wait { _ in !b.foreignWriters.areWriting })
            try await b.replaceBallot(Ballot(participantID: room.participant.id, support: [room.proposals[0].id: 1]), workshopID: room.workshop.id)
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(!b.foreignWriters.areWriting, "B's own batch does not count")
            // A keeps writing (the mark lasts half a second after A's last batch: one batch could
            // come and go between two looks on a busy machine).
            let writing = Task {
                for dots in 2...200 where !Task.isCancelled {
                    try await a.replaceBallot(Ballot(participantID: room.participant.id, support: [room.proposals[0].id: dots % 3 + 1]),
                                              workshopID: room.workshop.id)
                    try await Task.sleep(nanoseconds: 50_000_000)
                }
            }
            #expect(try await heard.wait { _ in b.foreignWriters.areWriting })
            writing.cancel()
            _ = try? await writing.value
            #expect(!a.foreignWriters.areWriting, "A hears nothing: only B listens")
        }
    }
}

extension PostgresStoreTests {
    /// Runs `body` with two instances on a fresh schema, a room seeded through A, and B listening to
    /// the instances' channel into `heard` (with B's change generation at each announcement), once
    /// B has heard one of A's events: a LISTEN takes effect some time after the listener starts.
    func withListeningInstances(
        _ body: (_ a: Store, _ b: Store, _ heard: Heard, _ room: (workshop: Workshop, participant: Participant, proposals: [Proposal]))
            async throws -> Void
    ) async throws {
        let database = try PostgresTestDatabase()
        let a = try Store(postgres: database.url)
        let b = try Store(postgres: database.url)
        defer { a.close(); b.close() }
        let room = try seed(a)
        let heard = Heard()
        let listener = try #require(b.listenToInstances { payload in heard.add(payload, b.changeGeneration) })
        defer { listener.stop() }
        var listening = false
        for _ in 0..<100 where !listening {
            try await a.write { db in _ = try db.events.append(workshopID: room.workshop.id, type: "warm-up", data: "{}") }
            listening = try await Heard.waitBriefly { !heard.all.isEmpty }
        }
        #expect(listening)
        try await body(a, b, heard, room)
    }
}

extension PostgresStoreTests.Heard {
    /// Polls for up to 0.2 s until `found` holds.
    static func waitBriefly(_ found: () -> Bool) async throws -> Bool {
        for _ in 0..<4 where !found() { try await Task.sleep(nanoseconds: 50_000_000) }
        return found()
    }
}
