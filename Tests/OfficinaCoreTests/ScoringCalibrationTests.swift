import Testing
@testable import OfficinaCore

/// `officina-2`: ratings adjusted for each rater's generosity (docs/scoring.md, "officina-2").
@Suite struct ScoringCalibrationTests {
    static let goals = [
        Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"), weight: 2),
        Goal(key: "partnerships", label: LocalizedText(it: "Partnership", en: "Partnerships"), weight: 1),
        Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community"), weight: 1),
    ]

    /// 10 proposals, 14 raters each rating 4–7 of them on every goal with values `values`, some dots.
    static func workshop(seed: UInt64, values: ClosedRange<Int> = 0...3) -> ScoringInput {
        var random = SplitMix64(seed: seed)
        let candidates = (1...10).map { RankingCandidate(id: Int64($0), title: "P\($0)", author: nil, goals: []) }
        let ballots = (1...14).map { participant -> Ballot in
            let seen = (1...10).shuffled(using: &random).prefix(Int.random(in: 4...7, using: &random))
            var ratings: [Int64: [String: Int]] = [:]
            for p in seen {
                ratings[Int64(p)] = Dictionary(uniqueKeysWithValues: goals.map { ($0.key, Int.random(in: values, using: &random)) })
            }
            let favourite = Int64(seen.first ?? 1)
            return Ballot(participantID: Int64(participant), support: [favourite: 2], ratings: ratings)
        }
        return ScoringInput(workshop: "ACD347", goals: goals, candidates: candidates, ballots: ballots, participants: 14)
    }

    static let calibrated = ScoringConfiguration(language: "en", method: .officina2)

    @Test(arguments: Array(UInt64(1)...60))
    func addingAConstantToOneRatersRatingsLeavesTheRankingUnchanged(seed: UInt64) {
        let input = Self.workshop(seed: seed)
        let before = Ranking.compute(input, configuration: Self.calibrated)
        let rater = Int(seed % 14)
        let shifted = input.changingBallot(rater) { ballot in
            ballot.ratings = ballot.ratings.mapValues { $0.mapValues { $0 + 1 } }
        }
        let after = Ranking.compute(shifted, configuration: Self.calibrated)
        #expect(after.entries.map(\.id) == before.entries.map(\.id))
        #expect(after.perGoal == before.perGoal)
        // Every score moved by one common amount (the rater's share of the room's ratings).
        let moves = before.entries.flatMap { entry in
            Self.goals.map { goal in
                (after.entry(id: entry.id)?.goals[goal.key]?.score ?? .nan) - (entry.goals[goal.key]?.score ?? .nan)
            }
        }
        #expect(moves.allSatisfy { abs($0 - moves[0]) < 1e-9 }, "\(moves)")
        // officina-1 reads the same shift as better ratings for that rater's proposals: the check can fail.
        #expect(Ranking.compute(shifted).entries.map(\.overall) != Ranking.compute(input).entries.map(\.overall))
    }

    @Test(arguments: Array(UInt64(1)...60))
    func aRaterWhoGivesEverythingAFourChangesNoScoreAndNoOrder(seed: UInt64) throws {
        let input = Self.workshop(seed: seed)
        var configuration = Self.calibrated
        configuration.supportWeight = 0
        var flat = input
        let everything = Dictionary(uniqueKeysWithValues: (1...10).map { p in
            (Int64(p), Dictionary(uniqueKeysWithValues: Self.goals.map { ($0.key, 4) }))
        })
        flat.ballots.append(Ballot(participantID: 99, support: [:], ratings: everything))
        let before = Ranking.compute(input, configuration: configuration)
        let after = Ranking.compute(flat, configuration: configuration)
        #expect(after.entries.map(\.id) == before.entries.map(\.id))
        #expect(after.perGoal == before.perGoal)
        for entry in before.entries {
            let moved = try #require(after.entry(id: entry.id))
            #expect(Set(moved.goals.keys) == Set(entry.goals.keys))
            // Equal up to floating-point rounding: the fit sums in another order with one more rater.
            for (key, goal) in entry.goals {
                let other = try #require(moved.goals[key])
                #expect(other.ratings == goal.ratings)     // the flat rater is set aside, not counted
                #expect(abs(other.score - goal.score) < 1e-9 && abs(other.low - goal.low) < 1e-9 && abs(other.high - goal.high) < 1e-9,
                        "\(entry.id) \(key): \(goal) → \(other)")
            }
        }
    }

    /// Every rater rates every proposal on every goal, and every rater's ratings sum to the same total.
    static func equallyGenerous(seed: UInt64) -> ScoringInput {
        var random = SplitMix64(seed: seed)
        let cells = 8 * goals.count
        let target = 2 * cells
        let ballots = (1...9).map { participant -> Ballot in
            var values = (0..<cells).map { _ in Int.random(in: 0...4, using: &random) }
            while values.reduce(0, +) != target {
                let c = Int.random(in: 0..<cells, using: &random)
                if values.reduce(0, +) < target, values[c] < 4 { values[c] += 1 }
                if values.reduce(0, +) > target, values[c] > 0 { values[c] -= 1 }
            }
            var ratings: [Int64: [String: Int]] = [:]
            for p in 0..<8 {
                ratings[Int64(p + 1)] = Dictionary(uniqueKeysWithValues: goals.indices.map { (goals[$0].key, values[p * goals.count + $0]) })
            }
            return Ballot(participantID: Int64(participant), support: [Int64(participant % 8 + 1): 1], ratings: ratings)
        }
        let candidates = (1...8).map { RankingCandidate(id: Int64($0), title: "P\($0)", author: nil, goals: []) }
        return ScoringInput(workshop: "ACD347", goals: goals, candidates: candidates, ballots: ballots)
    }

    @Test(arguments: Array(UInt64(1)...40))
    func withEveryRaterEquallyGenerousItGivesOfficinaOnesScores(seed: UInt64) {
        let input = Self.equallyGenerous(seed: seed)
        let one = Ranking.compute(input, configuration: ScoringConfiguration(language: "en"))
        let two = Ranking.compute(input, configuration: Self.calibrated)
        for entry in one.entries {
            let other = two.entry(id: entry.id)
            #expect(abs((other?.overall ?? .nan) - entry.overall) < 1e-9)
            for goal in Self.goals {
                let a = entry.goals[goal.key], b = other?.goals[goal.key]
                #expect(abs((b?.score ?? .nan) - (a?.score ?? .nan)) < 1e-9)
                #expect(abs((b?.high ?? .nan) - (a?.high ?? .nan)) < 1e-9)
            }
        }
        // Orders agree wherever officina-1's overall scores are not within rounding of each other.
        let overall = Dictionary(uniqueKeysWithValues: one.entries.map { ($0.id, $0.overall) })
        for (a, b) in zip(two.entries, two.entries.dropFirst()) {
            let gap = (overall[a.id] ?? 0) - (overall[b.id] ?? 0)
            #expect(gap > -1e-9, "\(a.id) before \(b.id)")
        }
        #expect(two.method.name == "officina-2" && one.method.name == "officina-1")
    }

    @Test func generousAndHarshRatersAreCorrectedWhereOfficinaOneIsFooled() {
        // Proposal quality 3, 2, 1 on every goal for proposals 1, 2, 3; then 4–6 at 2.
        // Generous raters (+1) see proposals 2 and 4–6; harsh raters (−1) see 1 and 4–6.
        let truth: [Int64: Int] = [1: 3, 2: 2, 3: 1, 4: 2, 5: 2, 6: 2]
        func ballot(_ id: Int64, offset: Int, sees: [Int64]) -> Ballot {
            Ballot(participantID: id, support: [:], ratings: Dictionary(uniqueKeysWithValues: sees.map { p in
                (p, Dictionary(uniqueKeysWithValues: Self.goals.map { ($0.key, (truth[p] ?? 2) + offset) }))
            }))
        }
        let ballots = (1...4).map { ballot($0, offset: 1, sees: [2, 4, 5, 6, 3]) }
            + (5...8).map { ballot($0, offset: -1, sees: [1, 4, 5, 6]) }
        let candidates = (1...6).map { RankingCandidate(id: Int64($0), title: "P\($0)", author: nil, goals: []) }
        let input = ScoringInput(workshop: "ACD347", goals: Self.goals, candidates: candidates, ballots: ballots)
        var configuration = Self.calibrated
        configuration.supportWeight = 0
        let two = Ranking.compute(input, configuration: configuration)
        let one = Ranking.compute(input, configuration: ScoringConfiguration(supportWeight: 0, language: "en"))
        // officina-2: proposal 1 (true 3) first, 3 (true 1) last; officina-1 puts the harshly rated 1 below 2.
        #expect(two.entries.first?.id == 1)
        #expect(two.entries.last?.id == 3)
        #expect((one.rank(of: 1) ?? 0) > (one.rank(of: 2) ?? 0))
        #expect(two.entries[0].explanation.contains("adjusted for how generous each rater was"))
        #expect(two.entries[0].explanations.it.contains("corrette per la generosità di ciascun votante"))
        #expect(!one.entries[0].explanation.contains("generous"))
    }
}
