/// Chooses the goal-covering shortlist (docs/scoring.md, "Shortlist").
///
/// Objective, in order: serve as many of the goals to cover as any k proposals can; then the largest sum
/// of overall scores; then, among equal sets, better-ranked proposals. Solved exactly by dynamic
/// programming over "goals served so far" when that is small, greedily otherwise.
struct ShortlistSelection {
    /// Exact search is used while its table stays below this many cells.
    static let exactCellLimit = 250_000

    /// Proposals best first: overall score and, per goal to cover, whether it serves it.
    let overall: [Double]
    let serves: [[Bool]]
    let k: Int

    /// Positions (into the ranked order) of the chosen proposals, best first, and whether exact.
    func select() -> (positions: [Int], exact: Bool) {
        let count = overall.count
        let picks = min(k, count)
        guard picks > 0 else { return ([], true) }
        let goalCount = serves.first?.count ?? 0
        let masks = serves.map { row in
            row.enumerated().reduce(0) { mask, item in item.element ? mask | (1 << item.offset) : mask }
        }
        guard goalCount > 0, masks.contains(where: { $0 != 0 }) else {
            return (Array(0..<picks), true)
        }
        // Within one pattern of goals served, only the `picks` best can be in an optimal set:
        // any other could be swapped for an unused better one of the same pattern.
        var perPattern: [Int: Int] = [:]
        let pool = (0..<count).filter { position in
            perPattern[masks[position], default: 0] += 1
            return perPattern[masks[position], default: 0] <= picks
        }
        let patterns = goalCount <= 16 ? 1 << goalCount : Int.max
        let cells = (pool.count + 1).multipliedReportingOverflow(by: (picks + 1) * min(patterns, 1 << 16))
        if goalCount <= 16, !cells.overflow, cells.partialValue <= Self.exactCellLimit {
            return (exact(pool: pool, masks: masks, picks: picks, patterns: patterns), true)
        }
        return (greedy(masks: masks, picks: picks), false)
    }

    /// Value of a partial choice: goals served at the end, then the sum of overall scores.
    private struct Value: Comparable {
        var served: Int
        var sum: Double
        static let impossible = Value(served: -1, sum: -.infinity)
        static func < (a: Value, b: Value) -> Bool {
            a.served != b.served ? a.served < b.served : a.sum < b.sum
        }
    }

    /// best[i][j][c]: the best value from pool items i… choosing exactly j more, having served c.
    /// Reconstructed forward from the best item, taking an item whenever that is at least as good,
    /// so ties go to better ranks.
    private func exact(pool: [Int], masks: [Int], picks: Int, patterns: Int) -> [Int] {
        let items = pool.count
        let layer = (picks + 1) * patterns
        var best = Array(repeating: Value.impossible, count: (items + 1) * layer)
        func cell(_ i: Int, _ j: Int, _ c: Int) -> Int { i * layer + j * patterns + c }
        for c in 0..<patterns { best[cell(items, 0, c)] = Value(served: c.nonzeroBitCount, sum: 0) }
        for i in stride(from: items - 1, through: 0, by: -1) {
            let mask = masks[pool[i]]
            let value = overall[pool[i]]
            for j in 0...picks {
                for c in 0..<patterns {
                    var option = best[cell(i + 1, j, c)]
                    if j > 0 {
                        var taken = best[cell(i + 1, j - 1, c | mask)]
                        if taken.served >= 0 {
                            taken.sum += value
                            if taken >= option { option = taken }
                        }
                    }
                    best[cell(i, j, c)] = option
                }
            }
        }
        var chosen: [Int] = []
        var remaining = picks
        var served = 0
        for i in 0..<items where remaining > 0 {
            var taken = best[cell(i + 1, remaining - 1, served | masks[pool[i]])]
            guard taken.served >= 0 else { continue }
            taken.sum += overall[pool[i]]
            if taken >= best[cell(i + 1, remaining, served)] {
                chosen.append(pool[i])
                served |= masks[pool[i]]
                remaining -= 1
            }
        }
        return chosen
    }

    /// Repeatedly the proposal serving most goals not yet served (better rank on a tie); once no
    /// proposal adds a goal, the best-ranked ones left.
    private func greedy(masks: [Int], picks: Int) -> [Int] {
        var chosen: Set<Int> = []
        var served = 0
        while chosen.count < picks {
            var pick = -1
            var gain = 0
            for position in masks.indices where !chosen.contains(position) {
                let added = (masks[position] & ~served).nonzeroBitCount
                if pick < 0 || added > gain {
                    pick = position
                    gain = added
                }
            }
            guard pick >= 0 else { break }
            chosen.insert(pick)
            served |= masks[pick]
        }
        return chosen.sorted()
    }
}
