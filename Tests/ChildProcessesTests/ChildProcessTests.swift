import ChildProcesses
import Foundation
import Testing

/// The tests' and the benchmark's child processes (`posix_spawn`, not Foundation's `Process`): what a
/// child reads and writes, how it ended, and what it inherits.
@Suite struct ChildProcessTests {
    @Test func aChildReadsItsInputAndBothOutputsAndItsStatusComeBack() throws {
        let input = Array("una riga\nline two\n".utf8) + (0..<200_000).map { UInt8(truncatingIfNeeded: $0) }
        let result = try ChildProcess.run("/bin/sh", ["-c", "cat; echo sul-canale-errori >&2; exit 3"], input: input)
        #expect(result.termination == .exited(3))
        #expect(result.output == input, "every byte of the input comes back, past any pipe's buffer")
        #expect(result.errorText == "sul-canale-errori\n")
    }

    @Test func aKilledChildReportsItsSignal() throws {
        let child = try ChildProcess("/bin/sleep", ["30"])
        #expect(child.isRunning)
        child.send(SIGKILL)
        #expect(child.wait() == .signalled(SIGKILL))
        #expect(!child.isRunning)
    }

    @Test func theEnvironmentIsExactlyTheOneGiven() throws {
        let result = try ChildProcess.run("/usr/bin/env", [], environment: ["OFFICINA_PROVA": "sì"])
        #expect(result.outputText == "OFFICINA_PROVA=sì\n")
    }

    /// A parent that ignores SIGPIPE (servers do) would pass that on through exec; the child gets it at
    /// its default, so a writer into a closed pipe dies as the shell expects.
    @Test func theChildGetsSIGPIPEAtItsDefault() throws {
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let result = try ChildProcess.run("/bin/sh", ["-c", "kill -PIPE $$; exit 0"])
        #expect(result.termination == .signalled(SIGPIPE))
    }

    @Test func aMissingExecutableIsAClearError() {
        #expect(throws: ChildProcess.Failure.self) { try ChildProcess("/nonexistent/officina-tool", []) }
    }
}
