import Foundation

/// One run of wrk (https://github.com/wg/wrk) and the figures read from its `--latency` report.
struct WrkRun {
    var requestsPerSecond: Double = 0
    var p50: Double = 0   // milliseconds
    var p99: Double = 0
    var socketErrors = 0
    var non2xx = 0
    var requests = 0

    static let executable = "/usr/bin/wrk"

    /// `wrk -t threads -c connections -d seconds --latency [-s script] url [-- scriptArgs]`.
    static func run(url: String, connections: Int, seconds: Int, threads: Int = 2, script: String? = nil,
                    headers: [String] = [], scriptArguments: [String] = []) throws -> WrkRun {
        var arguments = ["-t\(min(threads, connections))", "-c\(connections)", "-d\(seconds)s", "--latency", "--timeout", "5s"]
        for header in headers { arguments += ["-H", header] }
        if let script { arguments += ["-s", script] }
        arguments.append(url)
        if !scriptArguments.isEmpty { arguments += ["--"] + scriptArguments }
        return parse(try Bench.run(executable, arguments, mergeErrors: true))
    }

    static func parse(_ output: String) -> WrkRun {
        var run = WrkRun()
        var inDistribution = false
        for raw in output.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if line.hasPrefix("Latency Distribution") { inDistribution = true; continue }
            if inDistribution, words.count == 2, words[0].hasSuffix("%") {
                if words[0] == "50.000%" || words[0] == "50%" { run.p50 = milliseconds(words[1]) }
                if words[0] == "99.000%" || words[0] == "99%" { run.p99 = milliseconds(words[1]); inDistribution = false }
                continue
            }
            if line.hasPrefix("Requests/sec:"), words.count >= 2 { run.requestsPerSecond = Double(words[1]) ?? 0 }
            if line.hasPrefix("Non-2xx or 3xx responses:"), let last = words.last { run.non2xx = Int(last) ?? 0 }
            if line.hasPrefix("Socket errors:") {
                run.socketErrors = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
            }
            if line.contains("requests in"), let first = words.first { run.requests = Int(first) ?? 0 }
        }
        return run
    }

    /// wrk prints `812.00us`, `1.23ms`, `2.01s`.
    static func milliseconds(_ text: String) -> Double {
        if text.hasSuffix("us") { return (Double(text.dropLast(2)) ?? 0) / 1000 }
        if text.hasSuffix("ms") { return Double(text.dropLast(2)) ?? 0 }
        if text.hasSuffix("s") { return (Double(text.dropLast(1)) ?? 0) * 1000 }
        if text.hasSuffix("m") { return (Double(text.dropLast(1)) ?? 0) * 60_000 }
        return Double(text) ?? 0
    }

    /// The median run by requests/s, with the medians of its latencies and the worst error counts.
    static func summary(_ runs: [WrkRun]) -> WrkRun {
        var summary = WrkRun()
        summary.requestsPerSecond = Bench.median(runs.map(\.requestsPerSecond))
        summary.p50 = Bench.median(runs.map(\.p50))
        summary.p99 = Bench.median(runs.map(\.p99))
        summary.socketErrors = runs.map(\.socketErrors).max() ?? 0
        summary.non2xx = runs.map(\.non2xx).max() ?? 0
        summary.requests = runs.map(\.requests).reduce(0, +)
        return summary
    }

    var line: String {
        "\(Bench.format(requestsPerSecond)) req/s, p50 \(Bench.format(p50, 2)) ms, p99 \(Bench.format(p99, 2)) ms"
            + (socketErrors + non2xx > 0 ? ", socket errors \(socketErrors), non-2xx \(non2xx)" : "")
    }
}
