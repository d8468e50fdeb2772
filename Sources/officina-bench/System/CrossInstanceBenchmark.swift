import CEventLoop
import Foundation

/// Cross-instance tally delivery (issue #14): two instances on one PostgreSQL database; K clients
/// hold the workshop's event stream open on instance B (anonymously); new voters put their ballots one at a
/// time through instance A. For each ballot we time, per stream, from A's answer (the
/// acknowledgement) until that stream has read a `tally` event counting the ballot. The path is
/// A's commit → NOTIFY → B's listener → B re-reads the tallies → B's streams, with B's tally
/// coalescing (at most 4 per second) on the way, as in production.
enum CrossInstanceBenchmark {
    struct Result {
        var clients: Int
        var connected: Int   // streams that had their first tally within 20 s of opening
        var ballots: Int
        var p50: Double   // seconds from the acknowledgement, over every (ballot, stream) pair
        var p99: Double
        var worst: Double
        var worstBallotP99: Double
        var missed: Int   // (ballot, stream) pairs that saw no tally within the wait
        var ackP50: Double
        var rssMiB: Double
    }

    /// A stream that never saw a ballot's tally counts as this many seconds, so p99 cannot hide it.
    static let wait = 10.0

    static func run(_ session: SystemSession, sizes: [Int]) throws -> [Result] {
        let options = session.options
        let instanceB = try OfficinaServer.secondInstance(session, mode: "cross")
        defer { instanceB.stop() }
        let path = "/api/workshops/\(session.fixture.code)/events"
        Bench.say("cross-instance tally (streams GET \(path) on B :\(instanceB.port), \(options.crossBallots) ballots one at a time through A :\(session.server.port)):")
        var results: [Result] = []
        for (sizeIndex, size) in sizes.enumerated() {
            let clients = try LiveClients()
            // Anonymous streams, as a projected screen or a public page would hold (live tallies are
            // shown to all in the fixture), 50 per source address: a facilitator session may hold
            // only a few streams, anonymous ones 64 per address.
            try clients.connect(count: size, port: instanceB.port, path: path, cookie: nil,
                                addressBase: "127.\(40 + sizeIndex)", perAddress: 50)
            var count = try session.ballotCount()
            clients.watch(forBallots: count)
            clients.pump(seconds: 20) { $0.waiting == 0 }
            let connected = clients.clients.count - clients.waiting
            Bench.say("  \(size) streams on B: \(clients.open) answered, \(connected) had their first tally within 20 s, \(clients.closedCount) closed")
            let writer = RawHTTPClient(port: session.server.port)
            var all: [Double] = [], ballotP99s: [Double] = [], acks: [Double] = []
            var missed = 0
            var pause = UInt64(0x9E37_79B9_7F4A_7C15)
            for ballot in 0..<options.crossBallots {
                let voter = try session.takeSpares(1).lowerBound
                count += 1
                clients.watch(forBallots: count)
                writer.cookies = [session.fixture.cookieName: session.fixture.participants[voter].cookie]
                let sent = cel_monotonic_ns()
                try expect(writer.send("PUT", "/api/workshops/\(session.fixture.code)/ballot", json: session.fixture.ballot(voter)), 200, "put ballot")
                let acknowledged = cel_monotonic_ns()
                acks.append(Double(acknowledged - sent) / 1e9)
                clients.pump(seconds: wait) { $0.waiting == 0 }
                // Events read before the answer came back are stamped when read, so never below 0.
                let delays = clients.delays(since: acknowledged).map { max(0, $0) }
                let waiting = clients.waiting
                missed += waiting
                let samples = delays + Array(repeating: wait, count: waiting)
                all += samples
                ballotP99s.append(Bench.percentile(samples, 99))
                if ballot % 20 == 19 {
                    Bench.say("    \(ballot + 1) ballots: last one p50 \(Bench.format(Bench.percentile(samples, 50) * 1000)) ms, "
                        + "p99 \(Bench.format(Bench.percentile(samples, 99) * 1000)) ms after its answer (\(waiting) streams missed it)")
                }
                // A pseudo-random pause of 0–300 ms, so ballots land at every point of B's tally
                // coalescing window instead of always just after the previous tally.
                pause = pause &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                clients.pump(seconds: Double((pause >> 33) % 300) / 1000)
            }
            let result = Result(clients: size, connected: connected, ballots: options.crossBallots,
                                p50: Bench.percentile(all, 50), p99: Bench.percentile(all, 99), worst: all.max() ?? 0,
                                worstBallotP99: ballotP99s.max() ?? 0, missed: missed, ackP50: Bench.median(acks),
                                rssMiB: instanceB.residentMiB)
            results.append(result)
            Bench.say("  \(size) streams on B, \(result.ballots) ballots through A (\(all.count) deliveries): "
                + "p50 \(Bench.format(result.p50 * 1000)) ms, p99 \(Bench.format(result.p99 * 1000)) ms, "
                + "max \(Bench.format(result.worst * 1000)) ms after the acknowledgement; worst ballot's p99 "
                + "\(Bench.format(result.worstBallotP99 * 1000)) ms; missed \(missed); "
                + "A answered in \(Bench.format(result.ackP50 * 1000, 1)) ms (median); B's RSS \(Bench.format(result.rssMiB)) MiB")
        }
        return results
    }
}
