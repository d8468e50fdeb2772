import Foundation

/// Ballot writes on one instance against two instances on the same PostgreSQL database (issue #14:
/// "two instances ≥ one"). The load is the same in both: two wrk processes, one thread and half
/// the connections each, each voting as its own half of the voters (so the two never write the
/// same voter's rows). For "one instance" both aim at A; for "two instances" one aims at A and
/// one at B. The two kinds of run alternate, in a changing order, so drift in the machine's
/// background load falls on both.
enum TwoInstanceBenchmark {
    struct Result {
        var connections: Int
        var one: Double   // acknowledged ballots/s, median of the runs
        var two: Double
        var oneRuns: [Double]
        var twoRuns: [Double]
        var ratio: Double { one > 0 ? two / one : 0 }
    }

    static func run(_ session: SystemSession, connections: [Int]) throws -> [Result] {
        let options = session.options
        let instanceB = try OfficinaServer.secondInstance(session, mode: "instances")
        defer { instanceB.stop() }
        let script = try LoadScripts.write(LoadScripts.ballots, to: session.server.directory + "/ballots.lua")
        let halves = try halfData(session)
        let path = "/api/workshops/\(session.fixture.code)/ballot"
        Bench.say("ballot writes, one instance vs two (PUT \(path), \(session.voters) voters, \(options.runs) × \(options.seconds) s each, alternating):")
        var results: [Result] = []
        for count in connections {
            var one: [Double] = [], two: [Double] = []
            for run in 0..<options.runs {
                for twoInstances in run % 2 == 0 ? [false, true] : [true, false] {
                    let ports = [session.server.port, twoInstances ? instanceB.port : session.server.port]
                    let rate = try storm(ports: ports, connections: count, seconds: options.seconds, script: script, data: halves, path: path)
                    if twoInstances { two.append(rate) } else { one.append(rate) }
                    Bench.say("  \(count) connections, \(twoInstances ? "two instances" : "one instance "): \(Bench.format(rate)) ballots/s")
                }
            }
            let result = Result(connections: count, one: Bench.median(one), two: Bench.median(two), oneRuns: one, twoRuns: two)
            results.append(result)
            Bench.say("  \(count) connections: one instance \(Bench.format(result.one))/s, two instances \(Bench.format(result.two))/s "
                + "(medians of \(options.runs)): \(Bench.format(result.ratio, 2))×")
        }
        return results
    }

    /// Two wrk processes at once, one per port; the sum of their acknowledged ballots/s. Any
    /// non-2xx answer or socket error fails the run (an unanswered ballot is no throughput).
    private static func storm(ports: [Int], connections: Int, seconds: Int, script: String, data: [String], path: String) throws -> Double {
        let runs = Locked([WrkRun?](repeating: nil, count: 2))
        let failure = Locked<Error?>(nil)
        let group = DispatchGroup()
        for index in 0..<2 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let origin = "http://127.0.0.1:\(ports[index])"
                    let run = try WrkRun.run(url: origin + path, connections: max(1, connections / 2), seconds: seconds, threads: 1,
                                             script: script, scriptArguments: [data[index], path, origin])
                    runs.withValue { $0[index] = run }
                } catch { failure.withValue { $0 = $0 ?? error } }
            }
        }
        group.wait()
        if let error = failure.current { throw error }
        let done = runs.current.compactMap { $0 }
        for run in done where run.non2xx + run.socketErrors > 0 {
            throw BenchError("a wrk run had \(run.non2xx) non-2xx answers and \(run.socketErrors) socket errors")
        }
        return done.map(\.requestsPerSecond).reduce(0, +)
    }

    /// The voters split in two data files (even and odd), each line `cookie<TAB>ballot`.
    private static func halfData(_ session: SystemSession) throws -> [String] {
        let fixture = session.fixture
        return try (0..<2).map { half in
            let file = session.server.directory + "/ballots-\(half).tsv"
            let lines = stride(from: half, to: session.voters, by: 2).map { index in
                "\(fixture.cookieName)=\(fixture.participants[index].cookie)\t\(fixture.ballot(index, variant: 1))"
            }
            try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            return file
        }
    }
}
