import Foundation

/// The mixed soak: a ballot storm at 64 connections and participants' proposal-list reads at 16
/// connections against the same server for `--soak-seconds`, with the server's RSS sampled every
/// few seconds. Ballots must keep their rate under the list load and memory must not creep.
enum SoakBenchmark {
    struct Result {
        var ballots = WrkRun()
        var lists = WrkRun()
        /// (seconds since the start, RSS in MiB), one per sample.
        var rss: [(seconds: Double, mebibytes: Double)] = []
        var seconds = 0

        var firstMiB: Double { rss.first?.mebibytes ?? 0 }
        var lastMiB: Double { rss.last?.mebibytes ?? 0 }
        var maxMiB: Double { rss.map(\.mebibytes).max() ?? 0 }

        /// The span compared at each end: a minute, or a third of a shorter soak.
        var window: Double { min(60, Double(seconds) / 3) }
        /// Highest RSS in the first and in the last `window` seconds.
        var firstWindowMaxMiB: Double { rss.filter { $0.seconds <= window }.map(\.mebibytes).max() ?? 0 }
        var lastWindowMaxMiB: Double { rss.filter { $0.seconds >= Double(seconds) - window }.map(\.mebibytes).max() ?? 0 }

        /// Flat: the last window's peak is within 10 % plus 4 MiB of the first window's peak
        /// (caches and allocator arenas fill during the first minute; a leak keeps growing after).
        var rssFlat: Bool { lastWindowMaxMiB <= firstWindowMaxMiB * 1.1 + 4 }
    }

    static let ballotConnections = 64
    static let listConnections = 16
    /// Seconds between RSS samples.
    static let sampleInterval = 5.0

    static func run(_ session: SystemSession, seconds: Int) throws -> Result {
        let directory = session.server.directory
        let ballotScript = try LoadScripts.write(LoadScripts.ballots, to: directory + "/ballots.lua")
        let ballotData = try session.ballotData()
        let listScript = try LoadScripts.write(LoadScripts.participantGets, to: directory + "/lists.lua")
        let listData = try session.cookieData()
        let code = session.fixture.code
        let ballotPath = "/api/workshops/\(code)/ballot", listPath = "/api/workshops/\(code)/proposals"
        Bench.say("mixed soak (\(seconds) s): PUT \(ballotPath) at \(ballotConnections) connections while \(session.voters) participants "
            + "GET …/proposals at \(listConnections) connections; RSS every \(Bench.format(sampleInterval)) s")

        var result = Result()
        result.seconds = seconds
        let runs = Locked<(ballots: WrkRun?, lists: WrkRun?, error: Error?)>((nil, nil, nil))
        let group = DispatchGroup()
        let url = session.baseURL, origin = session.origin
        for lists in [false, true] {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let run = lists
                        ? try WrkRun.run(url: url + listPath, connections: listConnections, seconds: seconds, script: listScript,
                                         scriptArguments: [listData, listPath])
                        : try WrkRun.run(url: url + ballotPath, connections: ballotConnections, seconds: seconds, script: ballotScript,
                                         scriptArguments: [ballotData, ballotPath, origin])
                    runs.withValue { if lists { $0.lists = run } else { $0.ballots = run } }
                } catch {
                    runs.withValue { $0.error = $0.error ?? error }
                }
            }
        }
        let start = ContinuousClock.now
        while group.wait(timeout: .now() + sampleInterval) == .timedOut {
            result.rss.append((Bench.seconds(ContinuousClock.now - start), session.server.residentMiB))
        }
        result.rss.append((Bench.seconds(ContinuousClock.now - start), session.server.residentMiB))
        let finished = runs.current
        if let error = finished.error { throw error }
        result.ballots = finished.ballots ?? WrkRun()
        result.lists = finished.lists ?? WrkRun()
        Bench.say("  ballots: \(result.ballots.line)")
        Bench.say("  lists:   \(result.lists.line)")
        Bench.say("  RSS MiB: first \(Bench.format(result.firstMiB, 1)), last \(Bench.format(result.lastMiB, 1)), max \(Bench.format(result.maxMiB, 1)); "
            + "peak of the first \(Bench.format(result.window)) s \(Bench.format(result.firstWindowMaxMiB, 1)), of the last "
            + "\(Bench.format(result.lastWindowMaxMiB, 1)) → \(result.rssFlat ? "flat" : "growing")")
        Bench.say("  samples: " + result.rss.map { Bench.format($0.mebibytes, 1) }.joined(separator: " "))
        return result
    }
}
