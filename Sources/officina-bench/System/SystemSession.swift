import Foundation
import OfficinaStore

/// The main workshop every read/write figure runs against: 200 proposals, N voters who have all
/// put a ballot, and spare participants who joined but have not voted (the fan-out bursts use them).
final class SystemSession {
    let options: SystemOptions
    let server: OfficinaServer
    let fixture: WorkshopFixture
    let voters: Int
    private(set) var nextSpare: Int

    /// `extraSpares` participants join beyond those the fan-out bursts need (the cross-instance
    /// figure takes one per ballot).
    init(_ options: SystemOptions, extraSpares: Int = 0) throws {
        self.options = options
        voters = options.participants
        let spares = options.burst * options.runs * options.liveClients.count + options.burst + extraSpares
        (server, fixture) = try OfficinaServer.withWorkshop(options, label: "main", proposals: options.proposals,
                                                            participants: voters + spares)
        nextSpare = voters
        let started = ContinuousClock.now
        try fixture.vote(0..<voters)
        Bench.say("  setup: \(voters) ballots put in \(Bench.format(Bench.seconds(ContinuousClock.now - started), 1)) s")
        if let url = options.postgres {
            // The tables were filled seconds ago: statistics as autovacuum would have them by the
            // time a real workshop votes (without them the planner scans whole tables).
            try PostgresConnection(url: url).executeScript("ANALYZE")
            Bench.say("  setup: PostgreSQL tables analyzed")
        }
    }

    deinit { server.stop() }

    var baseURL: String { "http://127.0.0.1:\(server.port)" }
    var origin: String { baseURL }

    /// Participants who have not voted yet, for one burst.
    func takeSpares(_ count: Int) throws -> Range<Int> {
        guard nextSpare + count <= fixture.participants.count else { throw BenchError("out of spare participants") }
        defer { nextSpare += count }
        return nextSpare..<(nextSpare + count)
    }

    /// Ballots in the workshop, as the facilitator's stats say.
    func ballotCount() throws -> Int {
        let stats = try expect(fixture.facilitator().send("GET", "/api/workshops/\(fixture.code)/stats"), 200, "stats")
        guard let ballots = stats.json?["ballots"] as? Int else { throw BenchError("stats without ballots: \(stats.text.prefix(200))") }
        return ballots
    }

    /// The wrk data file for reads as the voters: one `Cookie` value per line.
    func cookieData() throws -> String {
        let path = server.directory + "/cookies.txt"
        let lines = (0..<voters).map { "\(fixture.cookieName)=\(fixture.participants[$0].cookie)" }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The wrk data file for the ballot storm: `cookie<TAB>ballot` per voter (a changed ballot, so
    /// every PUT really rewrites rows).
    func ballotData() throws -> String {
        let path = server.directory + "/ballots.tsv"
        let lines = (0..<voters).map { index in
            "\(fixture.cookieName)=\(fixture.participants[index].cookie)\t\(fixture.ballot(index, variant: 1))"
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
