import Testing
@testable import OfficinaCore

/// `BallotCounting.countsAsCast`, the shortcut `count` takes for a ballot the rule leaves alone.
@Suite struct RulesBallotCountingAsCastTests {
    /// Random rules (hidden, merged, own proposals, caps) and random ballots, valid or not: counting
    /// with the shortcut gives exactly what every step of the rule gives, and the shortcut is taken
    /// for most ballots of a room without merges or hides.
    @Test func theShortcutGivesWhatTheWholeRuleGives() {
        var random = SplitMix64(seed: 0xA5CA_57)
        var shortcuts = 0
        var same = 0
        var tabled = 0
        let cases = 2_000
        for n in 0..<cases {
            let quiet = n % 2 == 0
            var statuses: [Int64: ProposalStatus] = [:]
            var authors: [Int64: Int64] = [:]
            for id in Int64(1)...8 {
                if !quiet, Int.random(in: 0..<4, using: &random) == 0 { statuses[id] = .hidden }
                if !quiet, id > 1, Int.random(in: 0..<4, using: &random) == 0 {
                    statuses[id] = .merged(into: Int64.random(in: 1..<id, using: &random))
                }
                if Bool.random(using: &random) { authors[id] = Int64.random(in: 1...6, using: &random) }
            }
            let counting = BallotCounting(statuses: statuses, authors: authors, cap: Int.random(in: 1...3, using: &random))
            var cast = Ballot(participantID: Int64.random(in: 1...6, using: &random))
            for id in (Int64(0)...9).shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
                cast.support[id] = Int.random(in: -1...4, using: &random)
            }
            for id in (Int64(1)...9).shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)) {
                cast.ratings[id] = Int.random(in: 0..<6, using: &random) == 0 ? [:] : ["space": Int.random(in: 0...4, using: &random)]
            }
            if counting.countsAsCast(cast) { shortcuts += 1 }
            if counting.count(cast) == counting.countedByRule(cast) { same += 1 }
            // The table laid out once for many ballots answers the same, ids outside it included.
            if BallotCounting.AsCastTable(counting)?.countsAsCast(cast) == counting.countsAsCast(cast) { tabled += 1 }
        }
        #expect(same == cases)
        #expect(tabled == cases)
        #expect(shortcuts > cases / 10)
    }
}
