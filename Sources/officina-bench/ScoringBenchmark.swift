import Foundation
import OfficinaCore

/// `officina-bench scoring [--proposals N] [--participants N] [--rated N] [--method dots|approval]
/// [--scoring officina-1|officina-2] [--runs R] [--seed S]`: ranks a generated workshop (default 1,000 proposals × 5,000 participants,
/// each rating 20 proposals on 3 goals: 300,000 ratings) and prints the median time of `Ranking.compute`
/// over R runs, each run, the peak memory the ranking added (VmHWM, reset through
/// /proc/self/clear_refs), and the time of each export of the result.
func scoringBenchmark(_ arguments: ArraySlice<String>) throws {
    var proposals = 1_000
    var participants = 5_000
    var rated = 20
    var method = VotingMethod.dots
    var scoring = ScoringMethod.officina2
    var passes = ScoringConfiguration.default.calibrationPasses
    var runs = 5
    var seed: UInt64 = 42
    var rest = arguments
    while let flag = rest.popFirst() {
        switch flag {
        case "--proposals": proposals = rest.popFirst().flatMap(Int.init) ?? proposals
        case "--participants": participants = rest.popFirst().flatMap(Int.init) ?? participants
        case "--rated": rated = rest.popFirst().flatMap(Int.init) ?? rated
        case "--method": method = rest.popFirst().flatMap(VotingMethod.init(rawValue:)) ?? method
        case "--scoring": scoring = rest.popFirst().flatMap(ScoringMethod.init(rawValue:)) ?? scoring
        case "--passes": passes = rest.popFirst().flatMap(Int.init) ?? passes
        case "--runs": runs = rest.popFirst().flatMap(Int.init) ?? runs
        case "--seed": seed = rest.popFirst().flatMap(UInt64.init) ?? seed
        default:
            print("unknown option \(flag)")
            return
        }
    }
    let input = ScoringBenchmarkWorkshop.generate(
        proposals: max(1, proposals), participants: max(0, participants), rated: max(0, rated), method: method, seed: seed
    )
    let ratings = input.ballots.reduce(0) { $0 + $1.ratings.values.reduce(0) { $0 + $1.count } }
    print("scoring: \(proposals) proposals, \(participants) ballots (\(method.rawValue)), \(ratings) ratings, 3 goals, \(scoring.rawValue)")
    let baseline = memory()
    resetPeakMemory()
    let clock = ContinuousClock()
    var timings: [Double] = []
    var cpuTimings: [Double] = []
    var ranking: Ranking?
    for _ in 0..<max(3, runs) {
        let start = clock.now
        let cpuStart = threadCPUMilliseconds()
        ranking = Ranking.compute(input, configuration: ScoringConfiguration(method: scoring, calibrationPasses: passes))
        cpuTimings.append(threadCPUMilliseconds() - cpuStart)
        timings.append(milliseconds(clock.now - start))
    }
    let peak = memory()
    // The reference, measured in the same run: what a plain tally does (sum the dots, sort), the
    // `GET /api/ranking` of the peer in ../shared/peer.
    var referenceCPU: [Double] = []
    var referenceTop = 0
    for _ in 0..<max(3, runs) {
        let cpuStart = threadCPUMilliseconds()
        var totals: [Int64: Int] = [:]
        for ballot in input.ballots {
            for (id, dots) in ballot.support { totals[id, default: 0] += dots }
        }
        let order = totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        referenceCPU.append(threadCPUMilliseconds() - cpuStart)
        referenceTop = order.first?.value ?? 0
    }
    print("Ranking.compute wall: median \(format(median(timings))) ms (runs: \(timings.map(format).joined(separator: " ")))")
    print("Ranking.compute CPU:  median \(format(median(cpuTimings))) ms (runs: \(cpuTimings.map(format).joined(separator: " ")))")
    print("reference (sum of dots, sorted; top \(referenceTop) dots) CPU: median \(format(median(referenceCPU))) ms; "
        + "ratio \(format(median(cpuTimings) / max(median(referenceCPU), 0.001)))×")
    print("memory: VmRSS before \(baseline.rss / 1024) MiB, VmHWM during ranking \(peak.hwm / 1024) MiB "
        + "(+\((peak.hwm - baseline.rss) / 1024) MiB over the generated input)")
    guard let ranking else { return }
    print("top: #\(ranking.entries.first.map { "\($0.id) \(format($0.overall))" } ?? "-"), settled \(ranking.settled.settled), "
        + "shortlist \(ranking.shortlist.ids) exact \(ranking.shortlist.exact)")
    let report = WorkshopReport(
        code: "BENCH3", title: LocalizedText(it: "Banco di prova", en: "Benchmark"), description: LocalizedText(it: "", en: ""),
        theme: "design", phase: .closed, ranking: ranking, phaseLog: [], generatedAt: Date(timeIntervalSince1970: 0)
    )
    for kind in ExportFormat.allCases {
        let start = clock.now
        let bytes = report.render(kind).count
        print("export \(kind.rawValue): \(format(milliseconds(clock.now - start))) ms, \(bytes / 1024) KiB")
    }
}

private func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
}

private func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// CPU time of this thread (clock_gettime(2), CLOCK_THREAD_CPUTIME_ID): unlike wall time it does not
/// grow when other processes take the shared cores.
private func threadCPUMilliseconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
}

private func format(_ value: Double) -> String {
    DecimalText.format(value, digits: 1)
}

/// VmRSS and VmHWM in KiB, from /proc/self/status (proc(5)).
private func memory() -> (rss: Int, hwm: Int) {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    func field(_ name: String) -> Int {
        let line = status.split(separator: "\n").first { $0.hasPrefix(name + ":") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first { Int($0) != nil } ?? "") ?? 0
    }
    return (field("VmRSS"), field("VmHWM"))
}

/// Writing 5 to /proc/self/clear_refs resets VmHWM to the current RSS (proc(5), since Linux 4.0).
private func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}
