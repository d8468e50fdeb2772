// officina-bench: prints benchmark figures (see BENCHMARKS.md). Each area registers a subcommand.
import Foundation

let benchmarks: [String: (ArraySlice<String>) throws -> Void] = [
    "crypto": cryptoBenchmark,
    "store": storeBenchmark,
    "http": httpBenchmark,
    "scoring": scoringBenchmark,
    "quality": qualityBenchmark,
    "system": systemBenchmark,
]

let arguments = CommandLine.arguments.dropFirst()
guard let name = arguments.first, let run = benchmarks[name] else {
    print("usage: officina-bench <\(benchmarks.keys.sorted().joined(separator: "|"))> [options]")
    exit(arguments.first == nil || arguments.first == "--help" ? 0 : 2)
}
do {
    try run(arguments.dropFirst())
} catch {
    print("officina-bench \(name): \(error)")
    exit(1)
}
