import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `officina-bench system <part> [options]`: the whole server under load, as a child process on a
/// temporary database (see benchmarks/system.md for the figures and SystemOptions for the flags).
func systemBenchmark(_ arguments: ArraySlice<String>) throws {
    let parts = ["all", "ballots", "ranking", "fanout", "coldstart", "growth", "peer", "pages", "soak", "cross", "instances"]
    guard let part = arguments.first, parts.contains(part) else {
        print(SystemOptions.usage)
        if let part = arguments.first, part != "--help" { throw BenchError("unknown part \(part)") }
        return
    }
    var options = try SystemOptions.parse(arguments.dropFirst())
    options.officina = URL(fileURLWithPath: options.officina).standardizedFileURL.path
    signal(SIGPIPE, SIG_IGN)
    let descriptors = RawSocket.raiseDescriptorLimit()
    Bench.say("machine: \(SystemMachine.summary); open-file limit \(descriptors)")

    var card = Scorecard()
    if part == "cross" || part == "instances" {
        try instancesBenchmark(part, options, &card)
        card.print()
        return
    }
    if ["all", "ballots", "ranking", "fanout", "peer", "pages", "soak"].contains(part) {
        let session = try SystemSession(options)
        defer { session.server.stop() }
        if part == "all" || part == "ranking" {
            let ranking = try RankingReadBenchmark.run(session)
            card.add("ranking GET, \(options.proposals) proposals × \(options.participants) ballots, 64 conns",
                     "\(Bench.format(ranking.wrk.requestsPerSecond)) req/s (\(ranking.bytes / 1024) KiB)", "≥ 20,000 req/s",
                     ranking.wrk.requestsPerSecond >= 20_000)
            card.add("ranking GET ?view=compact (projector, phones, console), 64 conns",
                     "\(Bench.format(ranking.compact.requestsPerSecond)) req/s (\(ranking.compactBytes / 1024) KiB), "
                     + "\(Bench.format(ranking.compact.requestsPerSecond / max(1, ranking.healthz.requestsPerSecond), 2))× /healthz",
                     "≥ 20,000 req/s", ranking.compact.requestsPerSecond >= 20_000)
            card.add("ranking GET ?view=compact, Accept-Encoding: gzip (as browsers ask), 64 conns",
                     "\(Bench.format(ranking.compactGzip.requestsPerSecond)) req/s (\(ranking.compactGzipBytes / 1024) KiB), "
                     + "\(Bench.format(ranking.compactGzip.requestsPerSecond / max(1, ranking.healthz.requestsPerSecond), 2))× /healthz",
                     "≥ 20,000 req/s", ranking.compactGzip.requestsPerSecond >= 20_000)
            card.add("first ranking after a write (uncached)", "\(Bench.format(ranking.afterWriteMilliseconds, 1)) ms", "≤ 20 ms",
                     ranking.afterWriteMilliseconds <= 20)
            card.add("first ranking after a write, officina-1 (running tallies)", "\(Bench.format(ranking.afterWriteTalliedMilliseconds, 1)) ms",
                     "≤ 20 ms", ranking.afterWriteTalliedMilliseconds <= 20)
        }
        if part == "all" || part == "ballots" { _ = try BallotWriteBenchmark.run(session, connections: options.connections) }
        if part == "all" || part == "peer" {
            let peer = try PeerComparison.run(session)
            card.add("ballot PUT vs peer, 256 conns", "\(Bench.format(peer.writeRatio, 2))× (\(Bench.format(peer.officinaWrites.requestsPerSecond))/s vs "
                     + "\(Bench.format(peer.peerWrites.requestsPerSecond))/s), p99 \(Bench.format(peer.officinaWrites.p99)) ms",
                     "≥ 2×, p99 < 50 ms", peer.writeRatio >= 2 && peer.officinaWrites.p99 < 50)
        }
        if part == "all" || part == "pages" {
            let pages = try PageLoadBenchmark.run(session)
            for (label, title) in [("healthz 64", "/healthz vs nginx, 64 conns"), ("healthz 256", "/healthz vs nginx, 256 conns"),
                                   ("static 64", "2.6 KiB static page vs nginx, 64 conns")] {
                let ratio = pages.ratio(label)
                card.add(title, "\(Bench.format(ratio, 2))×", "≥ 0.8×", ratio >= 0.8)
            }
            card.add("GET …/proposals (\(options.proposals) proposals, \(pages.listBytes / 1000) KB), anonymous, 16 conns",
                     "\(Bench.format(pages.listAnonymous.requestsPerSecond)) req/s", "≥ 5,000 req/s", pages.listAnonymous.requestsPerSecond >= 5_000)
            card.add("GET …/proposals, participant, 16 conns",
                     "\(Bench.format(pages.listParticipant.requestsPerSecond)) req/s", "≥ 5,000 req/s", pages.listParticipant.requestsPerSecond >= 5_000)
            card.add("GET /api/workshops/{code}, 16 conns", "\(Bench.format(pages.workshop.requestsPerSecond)) req/s", "≥ 20,000 req/s",
                     pages.workshop.requestsPerSecond >= 20_000)
        }
        if part == "all" || part == "soak" {
            let soak = try SoakBenchmark.run(session, seconds: options.soakSeconds)
            card.add("mixed \(options.soakSeconds) s soak (ballots \(SoakBenchmark.ballotConnections) conns + lists \(SoakBenchmark.listConnections) conns)",
                     "ballots \(Bench.format(soak.ballots.requestsPerSecond))/s + lists \(Bench.format(soak.lists.requestsPerSecond))/s; "
                     + "RSS \(Bench.format(soak.firstMiB, 1)) → \(Bench.format(soak.lastMiB, 1)) MiB (max \(Bench.format(soak.maxMiB, 1))), "
                     + (soak.rssFlat ? "flat" : "growing"),
                     "ballots ≥ 5,000/s under the list load, RSS flat", soak.ballots.requestsPerSecond >= 5_000 && soak.rssFlat)
        }
        if part == "all" || part == "fanout" {
            let fanout = try FanOutBenchmark.run(session, sizes: options.liveClients)
            if let largest = fanout.last {
                card.add("tally reaches all \(largest.clients) live clients, p99 after the burst's last answer",
                         "\(Bench.format(largest.p99AfterAck * 1000)) ms", "≤ 300 ms", largest.p99AfterAck <= 0.3)
                card.add("\(largest.clients) streams opening at once get their first event",
                         "\(largest.connected) of \(largest.clients), p99 \(Bench.format(largest.firstP99 * 1000)) ms",
                         "all, p99 < 2 s", largest.connected == largest.clients && largest.firstP99 < 2)
            }
        }
    }
    if part == "all" || part == "coldstart" {
        let cold = try ColdStartBenchmark.run(options)
        card.add("first ranking after a cold start, \(cold.ballots) ballots", "\(Bench.format(cold.ranking * 1000)) ms", "≤ 300 ms", cold.ranking <= 0.3)
        card.add("… the first start after upgrading (packs every ballot once)", "\(Bench.format(cold.rankingAfterUpgrade * 1000)) ms", "—", nil)
        card.add("first ranking after a cold start, officina-1 (running tallies)", "\(Bench.format(cold.rankingTallied * 1000)) ms", "≤ 300 ms",
                 cold.rankingTallied <= 0.3)
    }
    if part == "all" || part == "growth" {
        let growth = try GrowthBenchmark.run(options)
        card.add("growth: ballot PUT/s at \(GrowthBenchmark.ratioSize.proposals) proposals vs at \(GrowthBenchmark.sizes.first?.proposals ?? 0)",
                 "\(Bench.format(growth, 2))×", "≥ 0.8×", growth >= 0.8)
    }
    card.print()
}

/// The two PostgreSQL parts (`cross`, `instances`): instance A is the session's server, B a
/// second `officina serve` on the same database.
private func instancesBenchmark(_ part: String, _ options: SystemOptions, _ card: inout Scorecard) throws {
    guard options.postgres != nil else { throw BenchError("\(part) needs --postgres URL (an empty PostgreSQL database)") }
    let session = try SystemSession(options, extraSpares: part == "cross" ? options.crossBallots * options.liveClients.count : 0)
    defer { session.server.stop() }
    if part == "cross" {
        for result in try CrossInstanceBenchmark.run(session, sizes: options.liveClients) {
            card.add("tally through A reaches \(result.clients) streams on B, p99 after the answer (\(result.ballots) ballots)",
                     "\(Bench.format(result.p99 * 1000)) ms (p50 \(Bench.format(result.p50 * 1000)) ms)", "< 1 s",
                     result.p99 < 1 && result.missed == 0)
        }
    } else {
        for result in try TwoInstanceBenchmark.run(session, connections: options.connections) {
            card.add("ballot PUT/s, two instances vs one, \(result.connections) conns",
                     "\(Bench.format(result.ratio, 2))× (\(Bench.format(result.two))/s vs \(Bench.format(result.one))/s)", "≥ 1×", result.ratio >= 1)
        }
    }
}
