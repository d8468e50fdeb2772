import ChildProcesses
import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// A child process (`officina-bench store crash-writer`) writes ballots from several threads and logs
/// each one after its commit returned; it is killed with SIGKILL at random moments, again and again.
/// After every kill, every logged write must be in the file and the file must pass `integrity_check`.
@Suite(.timeLimit(.minutes(3))) struct StoreCrashTests {
    /// `officina-bench`, built by `swift build`/`swift test` next to the test bundle.
    static var benchExecutable: URL? {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("officina-bench")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    @Test func everyAcknowledgedWriteSurvivesRepeatedSIGKILL() throws {
        let bench = try #require(Self.benchExecutable, "officina-bench must be built next to the tests (swift build)")
        let folder = try TemporaryFolder()
        let database = folder.path("crash.db")
        let log = folder.path("acknowledged.log")
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for round in 0..<6 {
            let child = try ChildProcess(bench.path, ["store", "crash-writer", database, log, "--writers", "8"], stdout: .null)
            // Kill only once this round has acknowledged new writes (an order of events, not a fixed
            // pause: on a loaded machine the child may take seconds to start), then at a random moment.
            let before = try Self.acknowledgedWrites(in: log).count
            let deadline = Date().addingTimeInterval(60)
            while try Self.acknowledgedWrites(in: log).count < before + 10, Date() < deadline, child.isRunning {
                usleep(20_000)
            }
            usleep(useconds_t(Int.random(in: 0...300, using: &generator) * 1_000))
            #expect(child.isRunning, "the writer died on its own in round \(round)")
            child.send(SIGKILL)
            #expect(child.wait() == .signalled(SIGKILL))

            let acknowledged = try Self.acknowledgedWrites(in: log)
            let store = try Store(path: database)
            #expect(try store.read { db in try db.sqlite.integrityCheck() } == ["ok"])
            let missing = try store.read { db in
                try acknowledged.filter { write in
                    guard let participant = try db.participants.list(tokenHash: write.token) else { return true }
                    let ballot = try db.ballots.get(participantID: participant.id, workshopID: participant.workshopID)
                    return ballot?.support[write.proposal] != write.dots
                }
            }
            #expect(missing.isEmpty, "round \(round): \(missing.count) of \(acknowledged.count) acknowledged writes lost")
            // The running tallies ("18-tallies") were written in the same transactions as the ballots:
            // after the kill they still equal the histograms rebuilt from the ballot rows.
            let (kept, rebuilt) = try store.read { db in
                let workshopID = try #require(try db.programmes.list().first?.workshops.first?.id)
                return (try db.ballots.sums(workshopID: workshopID), BallotSums(try db.ballots.all(workshopID: workshopID)))
            }
            #expect(kept == rebuilt, "round \(round): running tallies differ from the ballots after SIGKILL")
            let (keptRaters, countedRaters) = try store.read { db in
                let workshopID = try #require(try db.programmes.list().first?.workshops.first?.id)
                return (try db.ballots.raterCounts(workshopID: workshopID), RaterCount.counting(try db.ballots.all(workshopID: workshopID)))
            }
            #expect(keptRaters == countedRaters, "round \(round): rater tallies differ from the ballots after SIGKILL")
            // Each ballot's packed content ("22-ballot-content") was written with its rows: after the
            // kill, every ballot read from its content equals the one assembled from its rows.
            let (packed, fromRows) = try store.read { db in
                let workshopID = try #require(try db.programmes.list().first?.workshops.first?.id)
                return (try db.ballots.all(workshopID: workshopID), try db.ballots.rowBallots(workshopID: workshopID))
            }
            #expect(packed == fromRows, "round \(round): packed contents differ from the ballot rows after SIGKILL")
            #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM ballots WHERE content IS NULL", []) { $0.int(0) } } == 0)
            checked = acknowledged.count
            store.close()
        }
        #expect(checked > 50, "the child acknowledged too few writes for the test to mean anything")
    }

    struct Acknowledged {
        let token: String
        let proposal: Int64
        let dots: Int
    }

    /// The log's complete lines (a line cut by the kill is ignored: its write was acknowledged, so
    /// checking it would be fine, but its fields may be incomplete).
    static func acknowledgedWrites(in path: String) throws -> [Acknowledged] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 3, let proposal = Int64(fields[1]), let dots = Int(fields[2]) else { return nil }
            return Acknowledged(token: String(fields[0]), proposal: proposal, dots: dots)
        }
    }
}

private extension ParticipantRepository {
    /// The participant holding `tokenHash` in whichever workshop.
    func list(tokenHash: String) throws -> Participant? {
        try db.queryOne("SELECT id FROM participants WHERE token_hash = ?", [tokenHash]) { $0.int64(0) }
            .flatMap { try find(id: $0) }
    }
}
