/// A cumulative histogram in the Prometheus model: counts per upper bound, a sum and a count.
struct Histogram: Sendable {
    let bounds: [Double]
    private(set) var counts: [Int]
    private(set) var sum: Double = 0
    private(set) var count: Int = 0

    init(bounds: [Double]) {
        self.bounds = bounds
        counts = Array(repeating: 0, count: bounds.count)
    }

    /// Adds another histogram of the same bounds.
    mutating func add(_ other: Histogram) {
        precondition(other.bounds == bounds, "histograms of different bounds")
        sum += other.sum
        count += other.count
        for index in counts.indices { counts[index] += other.counts[index] }
    }

    mutating func observe(_ value: Double) {
        sum += value
        count += 1
        if let index = bounds.firstIndex(where: { value <= $0 }) { counts[index] += 1 }
    }

    /// Lines `name_bucket{le=…}`, `name_sum`, `name_count` (cumulative, with `+Inf`).
    func lines(_ name: String, labels: String = "") -> [String] {
        let prefix = labels.isEmpty ? "" : labels + ","
        var lines: [String] = []
        var cumulative = 0
        for (bound, bucket) in zip(bounds, counts) {
            cumulative += bucket
            lines.append("\(name)_bucket{\(prefix)le=\"\(JSONValue.format(bound))\"} \(cumulative)")
        }
        lines.append("\(name)_bucket{\(prefix)le=\"+Inf\"} \(count)")
        let braces = labels.isEmpty ? "" : "{\(labels)}"
        lines.append("\(name)_sum\(braces) \(sum)")
        lines.append("\(name)_count\(braces) \(count)")
        return lines
    }
}
