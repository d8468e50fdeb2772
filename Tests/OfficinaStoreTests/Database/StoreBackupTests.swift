import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite(.timeLimit(.minutes(3))) struct StoreBackupTests {
    /// One writer runs a fixed, numbered history while the backup is taken: write `i` is either a
    /// ballot for voter `i % 50` that encodes `i` in its ratings, or (every 100th, offset 50) a merge
    /// of the sixth proposal into the fifth, or its undo. The backup must equal that history cut at one point `k`:
    /// every voter's ballot the last one written before `k`, every merge and undo before `k` and
    /// none after. A torn copy, a lost ballot or a stale merge fails; so does a backup of nothing.
    @Test func aBackupTakenWhileWritersRunEqualsTheHistoryAtOnePoint() async throws {
        let fixture = try Fixture(participantCount: 50, proposalCount: 6)
        let store = fixture.store
        let w = fixture.workshop.id
        let proposals = fixture.proposals.map(\.id)
        let voters = fixture.participants.map(\.id)
        let history = BackupHistory(proposals: proposals)
        let written = SharedCounter()
        let writers = Task {
            var index = 0
            while !Task.isCancelled && index < 200_000 {
                let step = index
                try await store.write { db in
                    if let merge = history.mergeStep(step) {
                        if merge {
                            _ = try db.proposals.merge(history.mergedFrom, into: history.mergedInto, by: "test", cap: 3)
                        } else {
                            _ = try db.proposals.unmerge(proposalID: history.mergedFrom)
                        }
                    } else {
                        try db.ballots.replace(history.ballot(step, voter: voters[step % 50]), workshopID: w)
                    }
                }
                index += 1
                written.set(index)
            }
            return index
        }
        // Not a backup of an empty history: wait for a few hundred writes. A liveness bound (60 s):
        // alone these take 0.3 s, but in the whole suite on two cores the writes' awaits queue behind
        // every other suite (296 in 10 s once in CI).
        for _ in 0..<6_000 where written.value < 300 { try await Task.sleep(nanoseconds: 10_000_000) }
        #expect(written.value >= 300, "the writer is not writing")
        let target = fixture.folder.path("backup.db")
        try store.backup(to: target)
        writers.cancel()
        let total = try await writers.value
        #expect(try fixture.folder.files().filter { $0.contains("partial") }.isEmpty)

        let restored = try Store(path: target)
        defer { restored.close() }
        #expect(try restored.read { db in try db.sqlite.integrityCheck() } == ["ok"])
        #expect(try restored.read { db in try db.programmes.list()[0].workshops } == [fixture.workshop])

        // The cut: just after the latest ballot in the backup, up to (not including) the next ballot.
        let ballots = try restored.read { db in try db.ballots.all(workshopID: w) }
        let indices = ballots.compactMap(history.index(of:))
        #expect(indices.count == ballots.count, "a ballot in the backup matches no write of the history")
        let latest = try #require(indices.max(), "the backup holds no ballot")
        #expect(latest >= 299 && latest < total)
        var next = latest + 1
        while history.mergeStep(next) != nil { next += 1 }

        // Every voter's ballot is the last one written before the cut.
        for (offset, voter) in voters.enumerated() {
            let expected = history.lastBallot(before: latest + 1, voter: offset).map { history.ballot($0, voter: voter) }
            let stored = try restored.read { db in try db.ballots.get(participantID: voter, workshopID: w) }
            #expect(stored == expected, "voter \(offset): the backup does not hold the ballot written last before step \(latest + 1)")
        }
        // The merges: those begun before the cut, each undone exactly when its undo came before it.
        let merges = try restored.read { db in try db.proposals.merges(workshopID: w) }
        let states = (latest + 1...next).map(history.mergeState(before:))
        let seen = BackupHistory.MergeState(merges: merges.count, undone: merges.filter { $0.undoneAt != nil }.count)
        #expect(states.contains(seen), "merges in the backup \(seen) match no point between steps \(latest + 1) and \(next): \(states)")
        let status = try restored.read { db in try db.proposals.find(id: history.mergedFrom)?.status }
        #expect((status == .merged(into: history.mergedInto)) == (seen.merges > seen.undone))
    }
}
