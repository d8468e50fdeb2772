/// The targets of issue 15, one row per figure, filled in by the parts that ran and printed at the
/// end of the run: what was measured, the target, and whether it is met.
struct Scorecard {
    struct Row {
        let what: String
        let measured: String
        let target: String
        /// Nil when the figure was not measured.
        let met: Bool?
    }

    private(set) var rows: [Row] = []

    mutating func add(_ what: String, _ measured: String, _ target: String, _ met: Bool?) {
        rows.append(Row(what: what, measured: measured, target: target, met: met))
    }

    func print() {
        Bench.say("targets (issue 15):")
        Bench.say("| what | measured | target | met |")
        Bench.say("|---|---|---|---|")
        for row in rows {
            let verdict = row.met.map { $0 ? "**met**" : "missed" } ?? "—"
            Bench.say("| \(row.what) | \(row.measured) | \(row.target) | \(verdict) |")
        }
    }
}
