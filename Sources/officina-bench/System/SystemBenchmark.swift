import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `officina-bench system <part> [options]`: the whole server under load, as a child process on a
/// temporary database (see benchmarks/system.md for the figures and SystemOptions for the flags).
func systemBenchmark(_ arguments: ArraySlice<String>) throws {
    let parts = ["all", "ballots", "ranking", "fanout", "coldstart", "growth", "peer"]
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

    if ["all", "ballots", "ranking", "fanout", "peer"].contains(part) {
        let session = try SystemSession(options)
        defer { session.server.stop() }
        if part == "all" || part == "ranking" { _ = try RankingReadBenchmark.run(session) }
        if part == "all" || part == "ballots" { _ = try BallotWriteBenchmark.run(session, connections: options.connections) }
        if part == "all" || part == "peer" { try PeerComparison.run(session) }
        if part == "all" || part == "fanout" { _ = try FanOutBenchmark.run(session, sizes: options.liveClients) }
    }
    if part == "all" || part == "coldstart" { _ = try ColdStartBenchmark.run(options) }
    if part == "all" || part == "growth" { try GrowthBenchmark.run(options) }
}
