import CEventLoop
import Foundation

/// Live fan-out: K anonymous clients hold the workshop's event stream open; a burst of new voters put their
/// ballots; we time, per client, from the burst's first PUT until that client has read a `tally`
/// event counting every burst ballot. The server's RSS is read from /proc with the clients open.
enum FanOutBenchmark {
    struct Result {
        var clients: Int
        var connected: Int
        /// Seconds from each stream's connect to its first `tally` (clients without one count as the wait).
        var firstP50: Double
        var firstP99: Double
        var rssIdleMiB: Double
        var rssPeakMiB: Double
        var p50: Double   // seconds, median over runs
        var p99: Double
        var worst: Double
        var missed: Int   // clients that never saw a burst's tally within the wait
        var ackSeconds: Double
        var p99AfterAck: Double   // seconds from the last ballot's answer to the 99th client
    }

    static func run(_ session: SystemSession, sizes: [Int]) throws -> [Result] {
        let options = session.options
        let path = "/api/workshops/\(session.fixture.code)/events"
        var results: [Result] = []
        Bench.say("live fan-out (GET \(path), bursts of \(options.burst) new ballots, \(options.runs) bursts per size):")
        for (sizeIndex, size) in sizes.enumerated() {
            let rssBefore = session.server.residentMiB
            let clients = try LiveClients()
            let connectStart = ContinuousClock.now
            // Anonymous streams (live tallies are shown to all in the fixture), 50 per source
            // address: a facilitator session may hold only a few streams, an address 64 anonymous ones.
            try clients.connect(count: size, port: session.server.port, path: path, cookie: nil,
                                addressBase: "127.\(20 + sizeIndex)", perAddress: 50)
            let connectSeconds = Bench.seconds(ContinuousClock.now - connectStart)
            let current = try session.ballotCount()
            clients.watch(forBallots: current)
            clients.pump(seconds: 20) { $0.withoutFirstTally == 0 && $0.waiting == 0 }
            let connected = clients.clients.count - clients.withoutFirstTally - clients.closedCount
            let firsts = clients.firstTallyDelays + Array(repeating: 20.0 + connectSeconds, count: clients.clients.count - clients.firstTallyDelays.count)
            let rssIdle = session.server.residentMiB
            Bench.say("  \(size) clients: \(connected) streaming after \(Bench.format(Bench.seconds(ContinuousClock.now - connectStart), 1)) s "
                + "(all connects made in \(Bench.format(connectSeconds, 1)) s), \(clients.closedCount) closed; first tally after its connect: "
                + "p50 \(Bench.format(Bench.percentile(firsts, 50) * 1000)) ms, p99 \(Bench.format(Bench.percentile(firsts, 99) * 1000)) ms, "
                + "last \(Bench.format((firsts.max() ?? 0) * 1000)) ms; server RSS \(Bench.format(rssBefore)) → \(Bench.format(rssIdle)) MiB")
            var p50s: [Double] = [], p99s: [Double] = [], worsts: [Double] = [], acks: [Double] = [], afterAck: [Double] = []
            var missed = 0
            var rssPeak = rssIdle
            for _ in 0..<options.runs {
                let voters = try session.takeSpares(options.burst)
                let target = try session.ballotCount() + options.burst
                clients.watch(forBallots: target)
                let fixture = session.fixture
                let acked = Locked<UInt64>(0)
                let start = cel_monotonic_ns()
                Thread.detachNewThread {
                    try? fixture.vote(voters, threads: 4)
                    acked.withValue { $0 = cel_monotonic_ns() }
                }
                clients.pump(seconds: 10) { $0.waiting == 0 && acked.current != 0 }
                rssPeak = max(rssPeak, session.server.residentMiB)
                let delays = clients.delays(since: start)
                let waiting = clients.waiting
                missed += waiting
                // A client that never saw the tally counts as the wait's length, so p99 cannot hide it.
                let all = delays + Array(repeating: 10.0, count: waiting)
                p50s.append(Bench.percentile(all, 50))
                p99s.append(Bench.percentile(all, 99))
                worsts.append(all.max() ?? 0)
                acks.append(acked.current > start ? Double(acked.current - start) / 1e9 : 0)
                afterAck.append(max(0, Bench.percentile(all, 99) - (acks.last ?? 0)))
                Bench.say("    burst: all \(options.burst) acknowledged in \(Bench.format((acks.last ?? 0) * 1000)) ms; tally seen by "
                    + "\(delays.count)/\(clients.clients.count - clients.closedCount): p50 \(Bench.format((p50s.last ?? 0) * 1000)) ms, "
                    + "p99 \(Bench.format((p99s.last ?? 0) * 1000)) ms, last \(Bench.format((worsts.last ?? 0) * 1000)) ms "
                    + "(p99 \(Bench.format((afterAck.last ?? 0) * 1000)) ms after the last answer)")
                clients.pump(seconds: 0.5)
            }
            results.append(Result(clients: size, connected: connected,
                                  firstP50: Bench.percentile(firsts, 50), firstP99: Bench.percentile(firsts, 99), rssIdleMiB: rssIdle, rssPeakMiB: rssPeak,
                                  p50: Bench.median(p50s), p99: Bench.median(p99s), worst: worsts.max() ?? 0,
                                  missed: missed, ackSeconds: Bench.median(acks), p99AfterAck: Bench.median(afterAck)))
            let last = results[results.count - 1]
            Bench.say("  \(size) clients: tally p50 \(Bench.format(last.p50 * 1000)) ms, p99 \(Bench.format(last.p99 * 1000)) ms from the burst's start, "
                + "p99 \(Bench.format(last.p99AfterAck * 1000)) ms after its last answer (medians of \(options.runs) bursts); "
                + "RSS \(Bench.format(rssIdle)) MiB idle, \(Bench.format(rssPeak)) MiB peak")
        }
        return results
    }
}
