import Foundation

/// Side by side, in the same session: Officina against the reference peer (Hummingbird 2 + GRDB,
/// ../shared/peer) and nginx. Runs alternate between the servers so drift hits both alike.
enum PeerComparison {
    /// The ballot storm's figures on both sides, for the scorecard.
    struct Result {
        var officinaWrites = WrkRun()
        var peerWrites = WrkRun()
        var writeRatio = 0.0
    }

    @discardableResult
    static func run(_ session: SystemSession) throws -> Result {
        let options = session.options
        guard FileManager.default.isExecutableFile(atPath: options.peer) else {
            throw BenchError("no peer binary at \(options.peer); build it: cd ../shared/peer && swift build -c release --scratch-path /tmp/peer-build")
        }
        let directory = try options.directory("peer")
        let peerDatabase = directory + "/peer.db"
        // The peer's vote table holds what Officina's ballots hold: one row per (voter, proposal) with dots.
        try Bench.run("/usr/bin/sqlite3", [peerDatabase], input: """
            CREATE TABLE vote(participant INTEGER NOT NULL, proposal INTEGER NOT NULL, dots INTEGER NOT NULL, PRIMARY KEY(participant, proposal));
            ATTACH '\(session.server.database)' AS o;
            INSERT INTO vote SELECT b.participant_id, s.proposal_id, s.dots FROM o.ballots b JOIN o.ballot_support s ON s.ballot_id = b.id;
            """, mergeErrors: true)
        let peerPort = try RawSocket.freePort()
        let peer = try ServerProcess(name: "peer", executable: options.peer, arguments: [String(peerPort), peerDatabase, "FULL"],
                                     port: peerPort, logFile: directory + "/peer.log")
        defer { peer.stop() }
        try peer.waitUntilAnswering()
        let nginx = try NginxProcess(executable: options.nginx, directory: directory)
        defer { nginx.stop() }
        let peerURL = "http://127.0.0.1:\(peerPort)"
        let voteScript = try LoadScripts.write(LoadScripts.peerVotes, to: directory + "/vote.lua")
        let ballotScript = try LoadScripts.write(LoadScripts.ballots, to: directory + "/ballots.lua")
        let data = try session.ballotData()
        let ballotPath = "/api/workshops/\(session.fixture.code)/ballot"
        let rankingPath = "/api/workshops/\(session.fixture.code)/ranking"
        let cookie = "Cookie: officina_session=\(session.fixture.facilitatorCookie)"
        let rows = try Bench.run("/usr/bin/sqlite3", [peerDatabase, "SELECT count(*) FROM vote;"]).trimmingCharacters(in: .whitespacesAndNewlines)
        Bench.say("side by side (\(options.runs) alternating runs × \(options.seconds) s; peer synchronous=FULL, \(rows) vote rows = Officina's support rows):")

        var officinaWrites: [WrkRun] = [], peerWrites: [WrkRun] = []
        var officinaRanking: [WrkRun] = [], peerRanking: [WrkRun] = []
        var officinaHealth: [WrkRun] = [], peerHealth: [WrkRun] = [], nginxHealth: [WrkRun] = []
        for _ in 0..<options.runs {
            officinaWrites.append(try WrkRun.run(url: session.baseURL + ballotPath, connections: 256, seconds: options.seconds,
                                                 script: ballotScript, scriptArguments: [data, ballotPath, session.origin]))
            peerWrites.append(try WrkRun.run(url: peerURL + "/api/vote", connections: 256, seconds: options.seconds, script: voteScript))
            officinaRanking.append(try WrkRun.run(url: session.baseURL + rankingPath, connections: 64, seconds: options.seconds, headers: [cookie]))
            peerRanking.append(try WrkRun.run(url: peerURL + "/api/ranking", connections: 64, seconds: options.seconds))
            officinaHealth.append(try WrkRun.run(url: session.baseURL + "/healthz", connections: 64, seconds: options.seconds))
            peerHealth.append(try WrkRun.run(url: peerURL + "/healthz", connections: 64, seconds: options.seconds))
            nginxHealth.append(try WrkRun.run(url: nginx.url + "/healthz", connections: 64, seconds: options.seconds))
        }
        report("ballot PUT vs peer POST /api/vote, 256 connections", officinaWrites, peerWrites, "peer")
        report("ranking GET vs peer GET /api/ranking, 64 connections", officinaRanking, peerRanking, "peer")
        report("/healthz vs peer, 64 connections", officinaHealth, peerHealth, "peer")
        report("/healthz vs nginx, 64 connections", officinaHealth, nginxHealth, "nginx")
        return Result(officinaWrites: WrkRun.summary(officinaWrites), peerWrites: WrkRun.summary(peerWrites),
                      writeRatio: Bench.median(zip(officinaWrites, peerWrites).map { $0.requestsPerSecond / max($1.requestsPerSecond, 1) }))
    }

    static func report(_ title: String, _ ours: [WrkRun], _ theirs: [WrkRun], _ name: String) {
        let a = WrkRun.summary(ours), b = WrkRun.summary(theirs)
        let ratios = zip(ours, theirs).map { $0.requestsPerSecond / max($1.requestsPerSecond, 1) }
        Bench.say("  \(title):")
        Bench.say("    officina: \(a.line)")
        Bench.say("    \(name): \(b.line)")
        Bench.say("    ratio officina/\(name): \(Bench.format(Bench.median(ratios), 2))× (per run: \(ratios.map { Bench.format($0, 2) }.joined(separator: " ")))")
    }
}
