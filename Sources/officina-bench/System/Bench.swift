import ChildProcesses
import Foundation

/// Shared helpers of the system benchmark: timing, statistics, running tools, printing.
enum Bench {
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        percentile(values, 50)
    }

    /// Nearest-rank percentile (0 for no values).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// Runs a tool to completion and returns its standard output (standard error discarded
    /// unless `mergeErrors`). Throws if it exits non-zero.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], input: String? = nil, mergeErrors: Bool = false) throws -> String {
        let result = try ChildProcess.run(executable, arguments, input: Array((input ?? "").utf8))
        let text = result.outputText + (mergeErrors ? result.errorText : "")
        guard result.termination == .exited(0) else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) ended with \(result.termination): \(text.suffix(400))")
        }
        return text
    }

    /// A fresh temporary directory.
    static func temporaryDirectory(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "officina-bench-\(label)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func format(_ value: Double, _ decimals: Int = 0) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// Prints at once (stdout is a pipe under CI).
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
