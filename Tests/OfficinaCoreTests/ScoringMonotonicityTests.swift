import Testing
@testable import OfficinaCore

/// More support or a higher rating never lowers a proposal's rank; no votes rank below positive
/// evidence; a proposal built to dominate another ranks above it (DESIGN.md §3, "Sound").
@Suite struct ScoringMonotonicityTests {
    @Test func addingSupportOnAnExistingBallotNeverLowersTheRank() {
        let checked = ScoringSeeds.all.map(addingSupportNeverLowersTheRank(seed:))
        #expect(ScoringSeeds.asserted(checked) >= ScoringSeeds.all.count * 9 / 10, "seeds asserted: \(checked)")
    }

    /// The property on one seed; returns how many proposals it was checked for.
    func addingSupportNeverLowersTheRank(seed: UInt64) -> Int {
        var checks = 0
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let before = Ranking.compute(input, configuration: configuration)
        let cap = input.supportCap
        for entry in before.sampledEntries {
            guard let index = input.ballots.firstIndex(where: { ($0.support[entry.id] ?? 0) < cap }) else { continue }
            let after = Ranking.compute(
                input.changingBallot(index) { $0.support[entry.id, default: 0] += 1 }, configuration: configuration
            )
            #expect((after.rank(of: entry.id) ?? .max) <= entry.rank, "seed \(seed), proposal \(entry.id)")
            checks += 1
        }
        return checks
    }

    @Test func raisingARatingNeverLowersTheRank() {
        let checked = ScoringSeeds.all.map(raisingARatingNeverLowersTheRank(seed:))
        #expect(ScoringSeeds.asserted(checked) >= ScoringSeeds.all.count / 2, "seeds asserted: \(checked)")
    }

    /// The property on one seed; returns how many (proposal, goal) pairs it was checked for.
    func raisingARatingNeverLowersTheRank(seed: UInt64) -> Int {
        var checks = 0
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let before = Ranking.compute(input, configuration: configuration)
        for entry in before.sampledEntries {
            for goal in input.goals.prefix(2) {
                guard let index = input.ballots.firstIndex(where: { ($0.ratings[entry.id]?[goal.key] ?? 4) < 4 })
                else { continue }
                let after = Ranking.compute(
                    input.changingBallot(index) { $0.ratings[entry.id]?[goal.key]? += 1 }, configuration: configuration
                )
                #expect((after.rank(of: entry.id) ?? .max) <= entry.rank, "seed \(seed), \(entry.id) on \(goal.key)")
                checks += 1
            }
        }
        return checks
    }

    @Test(arguments: ScoringSeeds.all)
    func aNewBallotBackingOnlyOneProposalNeverLowersItsRank(seed: UInt64) {
        var generator = ScoringWorkshopGenerator(seed: seed)
        let (input, configuration) = generator.workshop()
        let before = Ranking.compute(input, configuration: configuration)
        for entry in before.sampledEntries {
            var more = input
            more.ballots.append(Ballot(participantID: 999_999, support: [entry.id: input.supportCap]))
            let after = Ranking.compute(more, configuration: configuration)
            #expect((after.rank(of: entry.id) ?? .max) <= entry.rank, "seed \(seed), proposal \(entry.id)")
        }
    }

    @Test func aCopyOfAProposalWithOneMoreVoteRanksAboveIt() {
        let checked = ScoringSeeds.all.map(aCopyWithOneMoreVoteRanksAbove(seed:))
        #expect(ScoringSeeds.asserted(checked) >= ScoringSeeds.all.count * 9 / 10, "seeds asserted: \(checked)")
    }

    /// The property on one seed; returns 1 if the seed had an original to copy, else 0.
    func aCopyWithOneMoreVoteRanksAbove(seed: UInt64) -> Int {
        var generator = ScoringWorkshopGenerator(seed: seed)
        var (input, configuration) = generator.workshop()
        // An original nothing was merged into, so the copy can hold exactly its votes.
        let targets = Set(input.candidates.compactMap { candidate -> Int64? in
            if case .merged(let into) = candidate.status { return into } else { return nil }
        })
        guard let original = input.candidates.first(where: { $0.status == .visible && !targets.contains($0.id) })
        else { return 0 }
        let copyID: Int64 = 1_000_000
        input.candidates.append(RankingCandidate(id: copyID, title: "Copia"))
        for index in input.ballots.indices {
            input.ballots[index].support[copyID] = input.ballots[index].support[original.id]
            input.ballots[index].ratings[copyID] = input.ballots[index].ratings[original.id]
        }
        // One strictly better part that counts: a support unit where support counts, else a rating.
        let supportCounts = configuration.supportWeight > 0 || !input.settings.ratingsEnabled
        if supportCounts, let index = input.ballots.firstIndex(where: { ($0.support[copyID] ?? 0) < input.supportCap }) {
            input.ballots[index].support[copyID, default: 0] += 1
        } else if let goal = input.goals.first(where: { $0.weight > 0 }), input.settings.ratingsEnabled,
                  configuration.supportWeight < 1,
                  let index = input.ballots.firstIndex(where: { ($0.ratings[copyID]?[goal.key] ?? 4) < 4 }) {
            input.ballots[index].ratings[copyID]?[goal.key]? += 1
        } else {
            return 0
        }
        let ranking = Ranking.compute(input, configuration: configuration)
        #expect((ranking.rank(of: copyID) ?? .max) < (ranking.rank(of: original.id) ?? .max), "seed \(seed)")
        return 1
    }

    @Test func aProposalWithNoVotesHasFiniteScoresAndRanksBelowEveryOneWithPositiveEvidence() {
        let checked = ScoringSeeds.all.map(aSilentProposalRanksBelowPositiveEvidence(seed:))
        #expect(ScoringSeeds.asserted(checked) >= ScoringSeeds.all.count / 2, "seeds asserted: \(checked)")
    }

    /// The property on one seed; returns how many proposals with evidence it was compared against.
    func aSilentProposalRanksBelowPositiveEvidence(seed: UInt64) -> Int {
        var checks = 0
        var generator = ScoringWorkshopGenerator(seed: seed)
        var (input, configuration) = generator.workshop()
        let silentID: Int64 = 2_000_000
        input.candidates.append(RankingCandidate(id: silentID, title: "Nessun voto"))
        let ranking = Ranking.compute(input, configuration: configuration)
        guard let silent = ranking.entry(id: silentID) else {
            Issue.record("seed \(seed): the silent proposal is not ranked")
            return 0
        }
        #expect(silent.overall.isFinite && silent.support.lower == 0 && silent.ratings == 0)
        for entry in ranking.entries where entry.id != silentID {
            // Positive evidence of the same kind: support where support counts, or goal scores above
            // the room's mean where goals count, and nothing below it.
            let atLeastMean = ranking.goals.filter { $0.weight > 0 }.allSatisfy { goal in
                (entry.goals[goal.key]?.score ?? 0) >= (ranking.goalStatistics[goal.key]?.mean ?? 0)
            }
            if atLeastMean, ranking.dominates(entry, silent) {
                #expect(entry.rank < silent.rank, "seed \(seed): \(entry.id) has evidence, the silent one none")
                checks += 1
            }
            if ranking.method.supportWeight == 1, entry.support.supporters > 0 {
                #expect(entry.rank < silent.rank, "seed \(seed): \(entry.id) has support")
                checks += 1
            }
        }
        return checks
    }
}
