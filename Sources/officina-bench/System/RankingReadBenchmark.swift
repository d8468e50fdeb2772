import Foundation

/// Ranking reads: wrk GETs the facilitator's ranking; plus the latency of the first ranking after a
/// write (the uncached cost).
enum RankingReadBenchmark {
    struct Result {
        var wrk: WrkRun
        /// `?view=compact`, and `/healthz` on the same server, same connections.
        var compact: WrkRun
        /// `?view=compact` asked as browsers and phones ask (`Accept-Encoding: gzip`).
        var compactGzip: WrkRun
        var healthz: WrkRun
        var afterWriteMilliseconds: Double
        /// The same with the workshop on `officina-1`, which reads the running tallies, not every ballot.
        var afterWriteTalliedMilliseconds: Double
        var bytes: Int
        var compactBytes: Int
        var compactGzipBytes: Int
    }

    static func run(_ session: SystemSession, connections: Int = 64) throws -> Result {
        let options = session.options
        let path = "/api/workshops/\(session.fixture.code)/ranking"
        let facilitator = session.fixture.facilitator()
        let sample = try expect(facilitator.send("GET", path), 200, "ranking")
        Bench.say("ranking reads (GET \(path), \(session.fixture.proposalIDs.count) proposals, \(try session.ballotCount()) ballots, \(sample.body.count) bytes):")
        var runs: [WrkRun] = []
        for _ in 0..<options.runs {
            runs.append(try WrkRun.run(url: session.baseURL + path, connections: connections, seconds: options.seconds,
                                       headers: ["Cookie: officina_session=\(session.fixture.facilitatorCookie)"]))
        }
        let summary = WrkRun.summary(runs)
        Bench.say("  \(connections) connections: \(summary.line)   [runs: \(runs.map { Bench.format($0.requestsPerSecond) }.joined(separator: " "))]")
        // The pages' projection (`?view=compact`: projector, phones, console) and `/healthz` on the
        // same server and connections, for the ratio the issue states (≥ 0.3× `/healthz`).
        let compactPath = path + "?view=compact"
        let compactSample = try expect(facilitator.send("GET", compactPath), 200, "compact ranking")
        let compact = WrkRun.summary(try (0..<options.runs).map { _ in
            try WrkRun.run(url: session.baseURL + compactPath, connections: connections, seconds: options.seconds,
                           headers: ["Cookie: officina_session=\(session.fixture.facilitatorCookie)"])
        })
        let gzipSample = try expect(facilitator.send("GET", compactPath, headers: [("Accept-Encoding", "gzip")]), 200, "gzip ranking")
        let compactGzip = WrkRun.summary(try (0..<options.runs).map { _ in
            try WrkRun.run(url: session.baseURL + compactPath, connections: connections, seconds: options.seconds,
                           headers: ["Cookie: officina_session=\(session.fixture.facilitatorCookie)", "Accept-Encoding: gzip"])
        })
        let health = WrkRun.summary(try (0..<options.runs).map { _ in
            try WrkRun.run(url: session.baseURL + "/healthz", connections: connections, seconds: options.seconds)
        })
        let ratio = { (run: WrkRun) in health.requestsPerSecond > 0 ? run.requestsPerSecond / health.requestsPerSecond : 0 }
        Bench.say("  ?view=compact (\(compactSample.body.count) bytes): \(compact.line)")
        Bench.say("  ?view=compact, Accept-Encoding: gzip (\(gzipSample.body.count) bytes): \(compactGzip.line)")
        Bench.say("  /healthz: \(health.line); ranking / healthz \(Bench.format(ratio(summary), 2))×, compact / healthz \(Bench.format(ratio(compact), 2))×")

        // Uncached: one participant changes a ballot, then the facilitator asks for the ranking.
        let voter = RawHTTPClient(port: session.server.port)
        let rounds = min(options.writeRounds ?? max(5, options.runs * 3), session.fixture.participants.count)
        var timings: [Double] = []
        for round in 0..<rounds {
            voter.cookies = [session.fixture.cookieName: session.fixture.participants[round].cookie]
            try expect(voter.send("PUT", "/api/workshops/\(session.fixture.code)/ballot",
                                  json: session.fixture.ballot(round, variant: 100 + round)), 200, "put ballot")
            let start = ContinuousClock.now
            try expect(facilitator.send("GET", path), 200, "ranking")
            timings.append(Bench.seconds(ContinuousClock.now - start) * 1000)
        }
        let afterWrite = Bench.median(timings)
        Bench.say("  first ranking after a write: median \(Bench.format(afterWrite, 2)) ms (max \(Bench.format(timings.max() ?? 0, 2)) ms, \(timings.count) samples)")

        // The same on `officina-1`, whose ranking reads the running tallies (officina-2 with ratings
        // fits each rater and reads every ballot); the workshop goes back to its method afterwards.
        let scoring = "/api/workshops/\(session.fixture.code)/scoring"
        try expect(facilitator.send("PATCH", scoring, json: #"{"method":"officina-1"}"#), 200, "scoring officina-1")
        var tallied: [Double] = []
        for round in 0..<rounds {
            voter.cookies = [session.fixture.cookieName: session.fixture.participants[round].cookie]
            try expect(voter.send("PUT", "/api/workshops/\(session.fixture.code)/ballot",
                                  json: session.fixture.ballot(round, variant: 200 + round)), 200, "put ballot")
            let start = ContinuousClock.now
            try expect(facilitator.send("GET", path), 200, "ranking")
            tallied.append(Bench.seconds(ContinuousClock.now - start) * 1000)
        }
        try expect(facilitator.send("PATCH", scoring, json: #"{"method":"officina-2"}"#), 200, "scoring officina-2")
        let afterWriteTallied = Bench.median(tallied)
        Bench.say("  first ranking after a write, officina-1: median \(Bench.format(afterWriteTallied, 2)) ms (max \(Bench.format(tallied.max() ?? 0, 2)) ms)")
        return Result(wrk: summary, compact: compact, compactGzip: compactGzip, healthz: health, afterWriteMilliseconds: afterWrite,
                      afterWriteTalliedMilliseconds: afterWriteTallied, bytes: sample.body.count, compactBytes: compactSample.body.count,
                      compactGzipBytes: gzipSample.body.count)
    }
}
