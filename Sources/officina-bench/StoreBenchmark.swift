// officina-bench store: acknowledged durable ballot writes per second (see benchmarks/store.md).
import Foundation
import OfficinaCore
import OfficinaStore

/// `officina-bench store [--writers 1,16,256] [--runs 3] [--seconds 2] [--modes group,single]
/// [--sync full,normal] [--dir PATH] [--postgres URL [--lanes N]]` (with `--postgres`, each trial runs in a
/// fresh schema of that PostgreSQL database; `--sync` does not apply there: commits are always
/// synchronous; `--lanes` sets ``StoreConfiguration/postgresWriterLanes``), or `officina-bench store crash-writer DB LOG` (the crash test's child).
func storeBenchmark(_ arguments: ArraySlice<String>) throws {
    if arguments.first == "crash-writer" {
        try StoreCrashWriter(arguments.dropFirst()).run()
        return
    }
    let options = try StoreBenchmarkOptions(arguments)
    print("store: acknowledged ballot writes/s (median of \(options.runs) runs of \(options.seconds) s),")
    print("mean writes per transaction, CPU time per acknowledged write: the whole process and the writer thread")
    print("sync    mode    writers    writes/s   per-tx  cpu-us/write  writer-us/write   runs")
    for sync in options.syncModes {
        for grouped in options.groupModes {
            for writers in options.writerCounts {
                var rates: [Double] = []
                var batches: [Double] = []
                var costs: [Double] = []
                var writerCosts: [Double] = []
                for _ in 0..<options.runs {
                    let trial = try runStoreTrial(writers: writers, grouped: grouped, sync: sync, options: options)
                    rates.append(trial.rate)
                    batches.append(trial.batch)
                    costs.append(trial.cpuMicroseconds)
                    writerCosts.append(trial.writerMicroseconds)
                }
                let runs = rates.map { String(format: "%.0f", $0) }.joined(separator: " ")
                print(String(
                    format: "%-7@ %-7@ %7d %11.0f %8.1f %13.1f %16.1f   %@",
                    sync.rawValue.lowercased(), grouped ? "group" : "single", writers, median(rates), median(batches),
                    median(costs), median(writerCosts), runs
                ))
            }
        }
    }
}

private struct StoreBenchmarkOptions {
    var writerCounts = [1, 16, 256]
    var runs = 3
    var seconds = 2.0
    var groupModes = [true, false]
    var syncModes: [StoreConfiguration.Synchronous] = [.full, .normal]
    var folder = FileManager.default.temporaryDirectory.path
    var postgres: String?
    var lanes = StoreConfiguration.default.postgresWriterLanes

    init(_ arguments: ArraySlice<String>) throws {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw StoreBenchmarkError("\(flag) needs a value") }
            switch flag {
            case "--writers": writerCounts = value.split(separator: ",").compactMap { Int($0) }
            case "--runs": runs = Int(value) ?? runs
            case "--seconds": seconds = Double(value) ?? seconds
            case "--modes": groupModes = value.split(separator: ",").map { $0 == "group" }
            case "--sync": syncModes = value.split(separator: ",").compactMap { StoreConfiguration.Synchronous(rawValue: $0.uppercased()) }
            case "--dir": folder = value
            case "--postgres": postgres = value
            case "--lanes": lanes = Int(value) ?? lanes
            default: throw StoreBenchmarkError("unknown option \(flag)")
            }
        }
    }
}

private struct StoreBenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One trial on a fresh file: `writers` tasks each replace their own ballot in a loop until the time
/// is up; only writes whose commit returned are counted.
private func runStoreTrial(
    writers: Int, grouped: Bool, sync: StoreConfiguration.Synchronous, options: StoreBenchmarkOptions
) throws -> (rate: Double, batch: Double, cpuMicroseconds: Double, writerMicroseconds: Double) {
    let folder = URL(fileURLWithPath: options.folder).appendingPathComponent("officina-bench-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var configuration = StoreConfiguration()
    configuration.synchronous = sync
    configuration.maxBatchSize = grouped ? 1_000 : 1
    configuration.postgresWriterLanes = options.lanes
    let store: Store
    var dropSchema: (() -> Void)?
    if let url = options.postgres {
        let schema = "bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresConnection(url: url).executeScript("CREATE SCHEMA \(schema)")
        store = try Store(postgres: url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)", configuration: configuration)
        dropSchema = { try? PostgresConnection(url: url).executeScript("DROP SCHEMA \(schema) CASCADE") }
    } else {
        store = try Store(path: folder.appendingPathComponent("bench.db").path, configuration: configuration)
    }
    defer {
        store.close()
        dropSchema?()
    }
    let (workshopID, voters, proposals) = try store.writeBlocking { db in
        let goals = ["space", "partnerships", "community"].map { Goal(key: $0, label: LocalizedText(it: $0, en: $0)) }
        let programme = try db.programmes.create(title: .init(it: "B", en: "B"), description: .init(it: "", en: ""), goals: goals)
        let workshop = try db.workshops.create(
            programmeID: programme.id, theme: "bench", title: .init(it: "B", en: "B"), description: .init(it: "", en: ""), phase: .voting
        )
        let voters = try (0..<writers).map { try db.participants.create(workshopID: workshop.id, name: "v\($0)", tokenHash: "bench-\($0)").id }
        let proposals = try (0..<20).map {
            try db.proposals.create(workshopID: workshop.id, authorID: voters[0], title: "P\($0)", body: "", goals: ["space"]).id
        }
        return (workshop.id, voters, proposals)
    }
    let before = store.writerStatistics
    let deadline = Date().addingTimeInterval(options.seconds)
    let started = Date()
    let cpuBefore = processCPUSeconds()
    let written = try runBlockingTasks(count: writers) { index in
        var count = 0
        var round = index
        while Date() < deadline {
            round += 1
            // A typical ballot: dots on three proposals, ratings on two of them for every goal.
            let picks = (0..<3).map { proposals[(round + $0 * 7) % proposals.count] }
            let ballot = Ballot(
                participantID: voters[index],
                support: [picks[0]: 2, picks[1]: 2, picks[2]: 1],
                ratings: [picks[0]: ["space": round % 5, "partnerships": 3, "community": 1], picks[1]: ["space": 2, "partnerships": 4, "community": 0]]
            )
            try await store.replaceBallot(ballot, workshopID: workshopID)
            count += 1
        }
        return count
    }
    let elapsed = Date().timeIntervalSince(started)
    let cpu = processCPUSeconds() - cpuBefore
    let after = store.writerStatistics
    let batch = Double(after.writes - before.writes) / Double(max(1, after.transactions - before.transactions))
    let writerCPU = (after.cpuSeconds - before.cpuSeconds) * 1e6 / Double(max(1, after.writes - before.writes))
    return (Double(written) / elapsed, batch, cpu * 1e6 / Double(max(1, written)), writerCPU)
}

/// Runs `count` async tasks and blocks this (non-async) thread until they all finish.
private func runBlockingTasks(count: Int, _ body: @escaping @Sendable (Int) async throws -> Int) throws -> Int {
    let box = ResultBox()
    let done = DispatchSemaphore(value: 0)
    Task {
        do {
            let total = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<count { group.addTask { try await body(index) } }
                return try await group.reduce(0, +)
            }
            box.set(.success(total))
        } catch {
            box.set(.failure(error))
        }
        done.signal()
    }
    done.wait()
    return try box.get()
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Int, Error> = .success(0)
    func set(_ value: Result<Int, Error>) { lock.withLock { result = value } }
    func get() throws -> Int { try lock.withLock { result }.get() }
}

/// User plus system CPU time of this process so far (all threads), in seconds.
private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return user + system
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}
