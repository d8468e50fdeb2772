import Foundation

/// Ballot storm: wrk PUTs whole ballots as different participants over 64, 256 and 1,024
/// connections; ballots/s and p50/p99 (every answer must be 2xx).
enum BallotWriteBenchmark {
    static func run(_ session: SystemSession, connections: [Int]) throws -> [Int: WrkRun] {
        let options = session.options
        let script = try LoadScripts.write(LoadScripts.ballots, to: session.server.directory + "/ballots.lua")
        let data = try session.ballotData()
        let path = "/api/workshops/\(session.fixture.code)/ballot"
        var results: [Int: WrkRun] = [:]
        Bench.say("ballot writes (PUT \(path), \(session.voters) voters, \(options.runs) × \(options.seconds) s):")
        for count in connections {
            var runs: [WrkRun] = []
            for _ in 0..<options.runs {
                runs.append(try WrkRun.run(url: session.baseURL + path, connections: count, seconds: options.seconds,
                                           script: script, scriptArguments: [data, path, session.origin]))
            }
            let summary = WrkRun.summary(runs)
            results[count] = summary
            Bench.say("  \(count) connections: \(summary.line)   [runs: \(runs.map { Bench.format($0.requestsPerSecond) }.joined(separator: " "))]")
        }
        let ballots = try session.ballotCount()
        Bench.say("  ballots in the workshop afterwards: \(ballots) (expected \(session.voters + (session.nextSpare - session.voters)))")
        return results
    }
}
