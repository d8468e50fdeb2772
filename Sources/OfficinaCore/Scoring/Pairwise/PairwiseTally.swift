/// The comparisons a pairwise ranking counts, resolved against the proposals as they stand now.
///
/// A choice involving a merged proposal counts for the proposal it was merged into (as support moves
/// with a merge); a choice between a proposal and its own duplicate no longer says anything and is
/// dropped, as is any choice touching a hidden proposal. A participant's later answer to the same
/// resolved pair replaces an earlier one, so a merge cannot give one person two votes on one pair.
/// A choice by the author of either (resolved) proposal is dropped: the server never offers such a
/// pair, but a merge onto one's own proposal, or an answer stored before that rule, could make one.
struct PairwiseTally {
    /// (winner, loser) as indices into the ranked candidates.
    let choices: [(winner: Int, loser: Int)]
    /// Per ranked candidate: times chosen, times compared (choices only), participants who chose it.
    let wins: [Int]
    let compared: [Int]
    let choosers: [Int]
    /// Answers counted (choices), skips among the answers, and participants who answered at all.
    let counted: Int
    let skips: Int
    let participants: Int

    /// `index`: ranked proposal id → position; `targets`: merged id → final target; `authors`:
    /// proposal id → its author (empty: nobody's choices are dropped as their own).
    init(_ comparisons: [Comparison], index: [Int64: Int], targets: [Int64: Int64], authors: [Int64: Int64] = [:]) {
        var latest: [Int64: [ProposalPair: Int64?]] = [:]
        var skips = 0
        var answering: Set<Int64> = []
        // Comparisons arrive in the order they were made, so "later" is the later one in the list.
        for comparison in comparisons {
            answering.insert(comparison.participantID)
            let a = targets[comparison.pair.low] ?? comparison.pair.low
            let b = targets[comparison.pair.high] ?? comparison.pair.high
            guard index[a] != nil, index[b] != nil, let pair = ProposalPair(a, b) else { continue }
            guard let winner = comparison.winner else {
                skips += 1
                continue
            }
            if authors[a] == comparison.participantID || authors[b] == comparison.participantID { continue }
            latest[comparison.participantID, default: [:]][pair] = targets[winner] ?? winner
        }
        let count = index.count
        var wins = [Int](repeating: 0, count: count)
        var compared = [Int](repeating: 0, count: count)
        var chooserSets = [Set<Int64>](repeating: [], count: count)
        var choices: [(winner: Int, loser: Int)] = []
        for participant in latest.keys.sorted() {
            guard let answers = latest[participant] else { continue }
            for (pair, chosen) in answers.sorted(by: { ($0.key.low, $0.key.high) < ($1.key.low, $1.key.high) }) {
                guard let chosen, let loserID = pair.other(than: chosen),
                      let winner = index[chosen], let loser = index[loserID] else { continue }
                choices.append((winner, loser))
                wins[winner] += 1
                compared[winner] += 1
                compared[loser] += 1
                chooserSets[winner].insert(participant)
            }
        }
        self.choices = choices
        self.wins = wins
        self.compared = compared
        choosers = chooserSets.map(\.count)
        counted = choices.count
        self.skips = skips
        participants = answering.count
    }
}
