import Foundation

/// How costs grow with the workshop: at four sizes (proposals, voters), the ballot PUT rate at 64
/// connections, the ranking rate (cached) and the first ranking after a write (uncached).
enum GrowthBenchmark {
    static let sizes = [(proposals: 50, voters: 1_000), (proposals: 200, voters: 5_000), (proposals: 800, voters: 10_000),
                        (proposals: 1_000, voters: 20_000)]
    /// The size the growth ratio compares with the smallest: 800 proposals, the figure issue 15 set
    /// its target on (the 1,000-proposal row is printed beside it).
    static let ratioSize = (proposals: 800, voters: 10_000)

    /// Returns the ballot PUT rate at `ratioSize` over the rate at the smallest size.
    @discardableResult
    static func run(_ options: SystemOptions) throws -> Double {
        var rows: [String] = []
        var rates: [Int: Double] = [:]
        Bench.say("growth (\(options.runs) × \(options.seconds) s per figure, 64 connections):")
        for size in sizes {
            var sized = options
            sized.participants = size.voters
            sized.proposals = size.proposals
            sized.liveClients = []
            let session = try SystemSession(sized)
            defer { session.server.stop() }
            let writes = try BallotWriteBenchmark.run(session, connections: [64])[64] ?? WrkRun()
            rates[size.proposals] = writes.requestsPerSecond
            let reads = try RankingReadBenchmark.run(session)
            let bytes = (try? FileManager.default.attributesOfItem(atPath: session.server.database)[.size] as? Int) ?? 0
            rows.append("| \(size.proposals) | \(size.voters) | \(Bench.format(writes.requestsPerSecond)) | \(Bench.format(writes.p99, 1)) | "
                + "\(Bench.format(reads.wrk.requestsPerSecond)) | \(Bench.format(reads.afterWriteMilliseconds, 1)) | \(reads.bytes / 1024) | "
                + "\(Bench.format(session.server.residentMiB)) | \(Bench.format(Double(bytes) / 1_048_576, 1)) |")
        }
        Bench.say("| proposals | voters | ballot PUT/s | PUT p99 ms | ranking GET/s | ranking after write ms | ranking KiB | RSS MiB | DB MiB |")
        Bench.say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows { Bench.say(row) }
        return (rates[ratioSize.proposals] ?? 0) / max(rates[sizes[0].proposals] ?? 1, 1)
    }
}
