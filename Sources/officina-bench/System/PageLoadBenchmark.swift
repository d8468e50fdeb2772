import Foundation

/// What every phone costs when it opens the page, and the bare HTTP answers against nginx: the
/// workshop and its proposal list (anonymous and as a participant) at 16 connections, `/healthz`
/// at 64 and 256 connections and a small static page at 64, each against nginx in alternating runs.
enum PageLoadBenchmark {
    struct Result {
        var workshop = WrkRun()
        var listAnonymous = WrkRun()
        var listParticipant = WrkRun()
        var listBytes = 0
        /// Officina's and nginx's runs by label (`healthz 64`, `healthz 256`, `static 64`).
        var versus: [(label: String, ours: [WrkRun], nginx: [WrkRun])] = []

        /// The median of per-run ratios for `label`.
        func ratio(_ label: String) -> Double {
            guard let row = versus.first(where: { $0.label == label }) else { return 0 }
            return Bench.median(zip(row.ours, row.nginx).map { $0.requestsPerSecond / max($1.requestsPerSecond, 1) })
        }
    }

    /// The static page both servers serve (2.6 KiB).
    static let staticPath = "/index.html"

    static func run(_ session: SystemSession) throws -> Result {
        let options = session.options
        var result = Result()
        let code = session.fixture.code
        let participantCookie = "Cookie: \(session.fixture.cookieName)=\(session.fixture.participants[0].cookie)"
        let sample = try expect(RawHTTPClient(port: session.server.port).send("GET", "/api/workshops/\(code)/proposals"), 200, "proposals")
        result.listBytes = sample.body.count
        Bench.say("page loads (\(options.runs) × \(options.seconds) s, 16 connections; proposal list \(sample.body.count) bytes):")
        func measure(_ title: String, _ path: String, headers: [String] = []) throws -> WrkRun {
            var runs: [WrkRun] = []
            for _ in 0..<options.runs {
                runs.append(try WrkRun.run(url: session.baseURL + path, connections: 16, seconds: options.seconds, headers: headers))
            }
            let summary = WrkRun.summary(runs)
            Bench.say("  \(title): \(summary.line)   [runs: \(runs.map { Bench.format($0.requestsPerSecond) }.joined(separator: " "))]")
            return summary
        }
        result.workshop = try measure("GET /api/workshops/{code}", "/api/workshops/\(code)")
        result.listAnonymous = try measure("GET …/proposals, anonymous", "/api/workshops/\(code)/proposals")
        result.listParticipant = try measure("GET …/proposals, participant", "/api/workshops/\(code)/proposals", headers: [participantCookie])

        let directory = try options.directory("nginx-pages")
        let nginx = try NginxProcess(executable: options.nginx, directory: directory, root: session.server.webRoot)
        defer { nginx.stop() }
        Bench.say("against nginx (alternating runs):")
        for (label, path, connections) in [("healthz 64", "/healthz", 64), ("healthz 256", "/healthz", 256), ("static 64", staticPath, 64)] {
            var ours: [WrkRun] = [], theirs: [WrkRun] = []
            for _ in 0..<options.runs {
                ours.append(try WrkRun.run(url: session.baseURL + path, connections: connections, seconds: options.seconds))
                theirs.append(try WrkRun.run(url: nginx.url + path, connections: connections, seconds: options.seconds))
            }
            result.versus.append((label, ours, theirs))
            PeerComparison.report("\(path) vs nginx, \(connections) connections", ours, theirs, "nginx")
        }
        return result
    }
}
