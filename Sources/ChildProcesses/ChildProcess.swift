#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, for the tests and the benchmark (the server starts none).
///
/// Foundation's `Process.run()` on Linux lists `/proc/self/fd` with a 256-byte over-read of each
/// directory entry (swift-corelibs-foundation PR 5472, not in our toolchain) and crashes now and then,
/// more often the more descriptors the process holds: a test suite or a benchmark with thousands of
/// sockets open hits it. `posix_spawn` reads no directory and forks nothing of ours.
///
/// ```swift
/// let result = try ChildProcess.run("/bin/gzip", ["-dc", path])
/// result.status       // .exited(0)
/// result.output       // the bytes it wrote to standard output
/// ```
public final class ChildProcess: @unchecked Sendable {
    /// How a child ended.
    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): "exit status \(code)"
            case .signalled(let signal): "signal \(signal)"
            }
        }
    }

    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// The parent's own.
        case inherit
        /// `/dev/null`.
        case null
        /// A file, created or truncated (for output) or read (for input).
        case file(String)
        /// A file written at its end, created if missing (two streams into one log).
        case appendingFile(String)
    }

    /// What `run` gathered: how the child ended and what it wrote.
    public struct Result: Sendable {
        public let termination: Termination
        public let output: [UInt8]
        public let errors: [UInt8]

        public var outputText: String { String(decoding: output, as: UTF8.self) }
        public var errorText: String { String(decoding: errors, as: UTF8.self) }
    }

    /// A child that could not be started, or its files not read or written.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public let pid: pid_t
    private var ended: Termination?

    /// Starts `executable` with `arguments` (not looked up in `PATH`), its streams as given, with the
    /// parent's environment unless `environment` is given. The child starts with no signal blocked and
    /// SIGPIPE at its default (a parent that ignores SIGPIPE would otherwise pass that on through exec).
    public init(
        _ executable: String, _ arguments: [String], stdin: Stream = .null, stdout: Stream = .inherit,
        stderr: Stream = .inherit, environment: [String: String]? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (descriptor, stream) in [(STDIN_FILENO, stdin), (STDOUT_FILENO, stdout), (STDERR_FILENO, stderr)] {
            let writes = descriptor != STDIN_FILENO
            switch stream {
            case .inherit:
                continue
            case .null:
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", writes ? O_WRONLY : O_RDONLY, 0)
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, writes ? O_WRONLY | O_CREAT | O_TRUNC : O_RDONLY, 0o644)
            case .appendingFile(let path):
                posix_spawn_file_actions_addopen(&actions, descriptor, path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } }
        defer { envp?.forEach { free($0) } }
        var child: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { argv in
            if let envp {
                return (envp + [nil]).withUnsafeBufferPointer { envp in
                    posix_spawn(&child, executable, &actions, &attributes, argv.baseAddress!, envp.baseAddress!)
                }
            }
            return posix_spawn(&child, executable, &actions, &attributes, argv.baseAddress!, environ)
        }
        guard status == 0 else {
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
    }

    deinit {
        // A child that has ended is reaped here, so none is left a zombie; one still running is left
        // to run (never waited for here: dropping a handle must not block).
        _ = isRunning
    }

    /// Whether the child has not ended yet (reaps it if it has).
    public var isRunning: Bool {
        guard ended == nil else { return false }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return reaped == 0 }
        ended = Self.termination(status)
        return false
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        guard ended == nil else { return }
        kill(pid, signal)
    }

    /// Waits for the child to end.
    @discardableResult
    public func wait() -> Termination {
        if let ended { return ended }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else {
                ended = .exited(-1)
                return .exited(-1)
            }
        }
        let termination = Self.termination(status)
        ended = termination
        return termination
    }

    /// Runs `executable` to the end with `input` on its standard input, and gathers both its outputs
    /// (through temporary files, so neither can fill a pipe and stall it).
    public static func run(
        _ executable: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String]? = nil
    ) throws -> Result {
        let folder = try temporaryFolder()
        defer {
            for name in ["in", "out", "err"] { unlink(folder + "/" + name) }
            rmdir(folder)
        }
        try write(input, to: folder + "/in")
        let child = try ChildProcess(executable, arguments, stdin: .file(folder + "/in"), stdout: .file(folder + "/out"),
                                     stderr: .file(folder + "/err"), environment: environment)
        let termination = child.wait()
        return Result(termination: termination, output: try read(folder + "/out"), errors: try read(folder + "/err"))
    }

    private static func termination(_ status: Int32) -> Termination {
        // The wait status's layout (glibc's WIFEXITED and friends, macros Swift does not import).
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func temporaryFolder() throws -> String {
        var template = Array("/tmp/officina-child-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "mkdtemp: \(String(cString: strerror(errno)))") }
        return String(cString: made)
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        let file = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard file >= 0 else { throw Failure(description: "open \(path): \(String(cString: strerror(errno)))") }
        defer { close(file) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw Failure(description: "write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    private static func read(_ path: String) throws -> [UInt8] {
        let file = open(path, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw Failure(description: "open \(path): \(String(cString: strerror(errno)))") }
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw Failure(description: "read \(path): \(String(cString: strerror(errno)))") }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
