import ChildProcesses
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server under test run as a child process (`officina serve`, the peer, or nginx), on a loopback
/// port of its own; stopped with SIGTERM (or SIGKILL) when the benchmark is done with it.
final class ServerProcess {
    let process: ChildProcess
    let port: Int
    let name: String

    /// Launches `executable arguments…` with its output sent to `logFile` (or discarded).
    init(name: String, executable: String, arguments: [String], port: Int, logFile: String? = nil) throws {
        self.name = name
        self.port = port
        // Both streams into the one log, emptied first; each writes at its end, so neither overwrites the other.
        if let logFile { _ = FileManager.default.createFile(atPath: logFile, contents: nil) }
        let log: ChildProcess.Stream = logFile.map { .appendingFile($0) } ?? .null
        process = try ChildProcess(executable, arguments, stdout: log, stderr: log)
    }

    var pid: Int32 { process.pid }

    /// Polls `path` until a response arrives; returns the seconds waited since `since`.
    @discardableResult
    func waitUntilAnswering(path: String = "/healthz", since start: ContinuousClock.Instant = .now,
                            timeout: Double = 60) throws -> Double {
        while true {
            let client = RawHTTPClient(port: port)
            if let response = try? client.send("GET", path, timeout: 2), response.status > 0 {
                return Bench.seconds(ContinuousClock.now - start)
            }
            guard process.isRunning else { throw BenchError("\(name) ended with \(process.wait()) before answering") }
            guard Bench.seconds(ContinuousClock.now - start) < timeout else { throw BenchError("\(name) did not answer within \(timeout) s") }
            usleep(2_000)
        }
    }

    /// Resident set size from /proc/PID/status (`VmRSS`), in MiB.
    var residentMiB: Double {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kib = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kib / 1024
        }
        return 0
    }

    /// SIGTERM, then SIGKILL after `grace` seconds.
    func stop(grace: Double = 10) {
        guard process.isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + .milliseconds(Int(grace * 1000))
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        process.wait()
    }
}
