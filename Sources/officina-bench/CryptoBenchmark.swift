import Foundation
import OfficinaCore

/// `officina-bench crypto [--iterations N] [--runs R]`: time PBKDF2-HMAC-SHA256 as a login runs it
/// (one 32-byte key), and SHA-256 throughput. Prints the median and every run.
func cryptoBenchmark(_ arguments: ArraySlice<String>) throws {
    var iterations = PasswordHash.defaultIterations
    var runs = 5
    var rest = arguments
    while let flag = rest.popFirst() {
        switch flag {
        case "--iterations": iterations = rest.popFirst().flatMap(Int.init) ?? iterations
        case "--runs": runs = rest.popFirst().flatMap(Int.init) ?? runs
        default: print("unknown option \(flag)"); return
        }
    }
    let clock = ContinuousClock()
    var timings = [Double]()
    for _ in 0..<max(1, runs) {
        let start = clock.now
        _ = try PasswordHash(password: "correct horse battery staple", salt: Array("0123456789abcdef".utf8), iterations: iterations)
        timings.append(seconds(clock.now - start))
    }
    let sorted = timings.sorted()
    print(String(format: "pbkdf2-sha256 %d iterations: median %.3f s (runs: %@)", iterations, sorted[sorted.count / 2],
        timings.map { String(format: "%.3f", $0) }.joined(separator: " ")))

    let megabytes = 64
    let data = [UInt8](repeating: 0x61, count: megabytes << 20)
    let start = clock.now
    _ = SHA256.hash(data)
    let elapsed = seconds(clock.now - start)
    print(String(format: "sha256 %d MiB: %.3f s (%.0f MiB/s)", megabytes, elapsed, Double(megabytes) / elapsed))
}

private func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}
