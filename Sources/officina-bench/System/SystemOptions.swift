import Foundation

/// Options of `officina-bench system`, with their defaults (the figures in benchmarks/system.md).
struct SystemOptions {
    /// The server binary under test. Default `.build/release/officina`.
    var officina = ".build/release/officina"
    /// The peer binary (../shared/peer, built with `--scratch-path /tmp/peer-build`).
    var peer = "/tmp/peer-build/release/Peer"
    /// nginx, for the `/healthz` yardstick.
    var nginx = "/usr/sbin/nginx"
    /// Runs per figure; the median is reported. Default 3.
    var runs = 3
    /// Seconds per wrk run. Default 10.
    var seconds = 10
    /// Voters in the main workshop (all of them put a ballot before the reads). Default 5,000.
    var participants = 5_000
    /// Proposals in the main workshop. Default 200.
    var proposals = 200
    /// Connection counts for the ballot storm. Default 64, 256, 1,024.
    var connections = [64, 256, 1_024]
    /// Live-client counts for the fan-out. Default 1,000, 5,000, 10,000.
    var liveClients = [1_000, 5_000, 10_000]
    /// Ballots in each fan-out burst. Default 20.
    var burst = 20
    /// Rankings timed after a write, per method (each after one ballot PUT). Default 3 × runs, at least 5;
    /// more makes a `perf record` of the server mostly that path.
    var writeRounds: Int?
    /// Ballots in the cold-start database. Default 100,000.
    var coldBallots = 100_000
    /// A PostgreSQL database (empty) to run the servers on instead of a SQLite file; needed by
    /// `cross` and `instances`, which start two instances on it.
    var postgres: String?
    /// Ballots written through instance A for the cross-instance figure. Default 100.
    var crossBallots = 100
    /// Seconds of the mixed soak (`soak`: ballot storm and proposal lists at once). Default 180.
    var soakSeconds = 180
    /// Where logs and databases go; kept after the run for inspection.
    var workDirectory: String?

    static let usage = """
        usage: officina-bench system <all|ballots|ranking|fanout|coldstart|growth|peer|pages|soak|cross|instances> [options]
          (cross and instances need --postgres: two instances on one database)
          --officina PATH     server binary (default .build/release/officina)
          --peer PATH         peer binary (default /tmp/peer-build/release/Peer)
          --runs N            runs per figure, median reported (default 3)
          --seconds N         seconds per wrk run (default 10)
          --participants N    voters in the main workshop (default 5000)
          --proposals N       proposals in the main workshop (default 200)
          --connections LIST  ballot-storm connections (default 64,256,1024)
          --live LIST         live clients for the fan-out (default 1000,5000,10000)
          --burst N           ballots per fan-out burst (default 20)
          --write-rounds N    rankings timed after a write, per method (default max(5, 3 × runs))
          --cold-ballots N    ballots in the cold-start database (default 100000)
          --soak-seconds N    seconds of the mixed soak, ballots and lists at once (default 180)
          --work DIR          keep databases and logs in DIR
          --postgres URL      serve from this (empty) PostgreSQL database instead of a SQLite file
          --cross-ballots N   ballots through instance A for `cross` (default 100)
        """

    static func parse(_ arguments: ArraySlice<String>) throws -> SystemOptions {
        var options = SystemOptions()
        var rest = arguments
        func value(_ flag: String) throws -> String {
            guard let value = rest.popFirst() else { throw BenchError("\(flag) needs a value\n\(usage)") }
            return value
        }
        func number(_ flag: String) throws -> Int {
            let text = try value(flag)
            guard let number = Int(text), number > 0 else { throw BenchError("\(flag) must be a positive number, not \(text)") }
            return number
        }
        func list(_ flag: String) throws -> [Int] {
            let text = try value(flag)
            let numbers = text.split(separator: ",").compactMap { Int($0) }
            guard !numbers.isEmpty else { throw BenchError("\(flag) must be a list like 64,256") }
            return numbers
        }
        while let flag = rest.popFirst() {
            switch flag {
            case "--officina": options.officina = try value(flag)
            case "--peer": options.peer = try value(flag)
            case "--runs": options.runs = try number(flag)
            case "--seconds": options.seconds = try number(flag)
            case "--participants": options.participants = try number(flag)
            case "--proposals": options.proposals = try number(flag)
            case "--connections": options.connections = try list(flag)
            case "--live": options.liveClients = try list(flag)
            case "--burst": options.burst = try number(flag)
            case "--write-rounds": options.writeRounds = try number(flag)
            case "--cold-ballots": options.coldBallots = try number(flag)
            case "--soak-seconds": options.soakSeconds = try number(flag)
            case "--work": options.workDirectory = try value(flag)
            case "--postgres": options.postgres = try value(flag)
            case "--cross-ballots": options.crossBallots = try number(flag)
            default: throw BenchError("unknown option \(flag)\n\(usage)")
            }
        }
        return options
    }

    /// A directory for one server's files.
    func directory(_ label: String) throws -> String {
        guard let workDirectory else { return try Bench.temporaryDirectory(label) }
        let path = workDirectory + "/" + label
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
