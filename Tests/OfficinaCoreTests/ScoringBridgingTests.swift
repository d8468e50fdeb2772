import Testing
@testable import OfficinaCore

/// Broad support across participant groups (docs/scoring.md §19).
@Suite struct ScoringBridgingTests {
    static let goals = ["space", "partnerships", "community"].map {
        Goal(key: $0, label: LocalizedText(it: $0, en: $0), weight: 1)
    }
    static let groups = [
        ParticipantGroup(key: "resident", label: LocalizedText(it: "Residente", en: "Resident")),
        ParticipantGroup(key: "professional", label: LocalizedText(it: "Professionista", en: "Professional")),
        ParticipantGroup(key: "organisation", label: LocalizedText(it: "Organizzazione", en: "Organisation")),
        ParticipantGroup(key: "student", label: LocalizedText(it: "Studente", en: "Student")),
    ]
    /// The mediocre proposal the bloc backs: 11th of 20 by true quality.
    static let blocProposal: Int64 = 11

    /// 20 proposals of true mean quality 3.4 down to 1.12 (id order); `voters` voters, each rating 8
    /// proposals on every goal as round(quality + generosity + noise) and giving dots 2, 2, 1 to the
    /// three they rated best. The first `bloc` share of voters are students who all give 3 dots and a
    /// 4 on every goal to proposal 11; the others are residents, professionals and organisations in turn.
    static func blocRoom(seed: UInt64, voters: Int = 100, bloc: Double = 0.2) -> ScoringInput {
        var random = SplitMix64(seed: seed)
        let quality = (1...20).map { 3.4 - 0.12 * Double($0 - 1) }
        let candidates = (1...20).map { RankingCandidate(id: Int64($0), title: "P\($0)") }
        var groupOf: [Int64: String] = [:]
        let blocVoters = Int((Double(voters) * bloc).rounded())
        let ballots = (1...voters).map { voter -> Ballot in
            let id = Int64(voter)
            let inBloc = voter <= blocVoters
            groupOf[id] = inBloc ? "student" : groups[(voter - blocVoters) % 3].key
            let generosity = Double(Int.random(in: -1...1, using: &random)) * 0.5
            let seen = (0..<20).shuffled(using: &random).prefix(8)
            var ratings: [Int64: [String: Int]] = [:]
            var sense: [(Int64, Double)] = []
            for p in seen {
                var values: [String: Int] = [:]
                for goal in goals {
                    let noise = Double.random(in: -1.2...1.2, using: &random)
                    values[goal.key] = Int(min(max((quality[p] + generosity + noise).rounded(), 0), 4))
                }
                ratings[Int64(p + 1)] = values
                sense.append((Int64(p + 1), quality[p] + Double.random(in: -0.8...0.8, using: &random)))
            }
            sense.sort { $0.1 > $1.1 }
            var support: [Int64: Int] = [:]
            for (place, dots) in [2, 2, 1].enumerated() { support[sense[place].0] = dots }
            if inBloc {
                support = [blocProposal: 3, sense[0].0 == blocProposal ? sense[1].0 : sense[0].0: 2]
                ratings[blocProposal] = Dictionary(uniqueKeysWithValues: goals.map { ($0.key, 4) })
            }
            return Ballot(participantID: id, support: support, ratings: ratings)
        }
        var input = ScoringInput(
            workshop: "ACD347", goals: goals, candidates: candidates, ballots: ballots,
            settings: WorkshopSettings(votingMethod: .dots, dotBudget: 5, perProposalCap: 3, ratingsEnabled: true))
        input.participantGroups = groups
        input.groupOf = groupOf
        return input
    }

    static func configuration(_ method: ScoringMethod, bridging: Bool) -> ScoringConfiguration {
        var configuration = ScoringConfiguration(language: "en", method: method)
        configuration.bridging = bridging
        return configuration
    }

    @Test(arguments: Array(UInt64(1)...12), ScoringMethod.allCases)
    func aBlocOfAFifthPutsAMediocreProposalInTheTopFiveOnlyWithBridgingOff(seed: UInt64, method: ScoringMethod) throws {
        let room = Self.blocRoom(seed: seed)
        let off = Ranking.compute(room, configuration: Self.configuration(method, bridging: false))
        let on = Ranking.compute(room, configuration: Self.configuration(method, bridging: true))
        let rankOff = try #require(off.rank(of: Self.blocProposal))
        let rankOn = try #require(on.rank(of: Self.blocProposal))
        #expect(rankOff <= 5, "bloc proposal ranked \(rankOff) with bridging off")
        #expect(rankOn > 5, "bloc proposal ranked \(rankOn) with bridging on")
        #expect(on.bridging?.applied == true)
        #expect(off.bridging?.applied == false)
    }

    /// With a single group, or nobody declaring one, broad support compares nothing across groups.
    @Test(arguments: Array(UInt64(1)...20))
    func withOneGroupOrNoneBridgingOnEqualsOff(seed: UInt64) {
        var oneGroup = Self.blocRoom(seed: seed, voters: 30)
        oneGroup.groupOf = oneGroup.groupOf.mapValues { _ in "resident" }
        var noGroup = oneGroup
        noGroup.groupOf = [:]
        for input in [oneGroup, noGroup] {
            for method in ScoringMethod.allCases {
                let off = Ranking.compute(input, configuration: Self.configuration(method, bridging: false))
                let on = Ranking.compute(input, configuration: Self.configuration(method, bridging: true))
                #expect(on.entries.map(\.id) == off.entries.map(\.id))
                #expect(zip(on.entries, off.entries).allSatisfy { abs($0.overall - $1.overall) < 1e-9 })
                #expect(on.bridging?.applied == false)
            }
        }
    }

    /// Declaring groups changes nothing while the setting is off: the figures are only shown.
    @Test(arguments: Array(UInt64(1)...20))
    func groupsWithBridgingOffLeaveEveryScoreAsItWas(seed: UInt64) {
        let grouped = Self.blocRoom(seed: seed, voters: 40)
        var plain = grouped
        plain.groupOf = [:]
        plain.participantGroups = []
        let withGroups = Ranking.compute(grouped, configuration: Self.configuration(.officina2, bridging: false))
        let without = Ranking.compute(plain, configuration: Self.configuration(.officina2, bridging: false))
        #expect(withGroups.entries.map(\.id) == without.entries.map(\.id))
        // Equal up to floating-point rounding: officina-2 sums ratings in dictionary order.
        #expect(zip(withGroups.entries, without.entries).allSatisfy { abs($0.overall - $1.overall) < 1e-9 })
        #expect(withGroups.entries.allSatisfy { $0.broadSupport != nil })
        #expect(without.bridging == nil)
    }

    /// docs/scoring.md §19's worked example: two groups, one proposal.
    @Test func theWorkedExampleOfTheDocs() throws {
        let candidates = [RankingCandidate(id: 1, title: "Orto"), RankingCandidate(id: 2, title: "Bar")]
        func ballot(_ id: Int64, _ rating: Int, dots: Int = 0) -> Ballot {
            Ballot(participantID: id, support: dots > 0 ? [1: dots] : [:],
                   ratings: [1: ["space": rating, "partnerships": rating, "community": rating], 2: ["space": 2]])
        }
        // Residents 1–4: three back it (a dot, or ratings above 2 on average), one rates it 1.
        // Students 5–6: both rate it 2 (the midpoint: seen, not backed). Participant 7 declared nothing.
        var input = ScoringInput(
            workshop: "ACD347", goals: Self.goals, candidates: candidates,
            ballots: [ballot(1, 3), ballot(2, 4), ballot(3, 1, dots: 1), ballot(4, 1), ballot(5, 2), ballot(6, 2), ballot(7, 4)])
        input.participantGroups = Self.groups
        input.groupOf = [1: "resident", 2: "resident", 3: "resident", 4: "resident", 5: "student", 6: "student"]
        let ranking = Ranking.compute(input, configuration: Self.configuration(.officina1, bridging: true))
        let broad = try #require(ranking.entry(id: 1)?.broadSupport)
        #expect(broad.groups["resident"] == GroupSupport(seen: 4, agree: 3))
        #expect(broad.groups["student"] == GroupSupport(seen: 2, agree: 0))
        #expect(abs((broad.groups["resident"]?.share ?? 0) - 4.0 / 6) < 1e-12)
        #expect(abs(broad.consensus - 4.0 / 6 * 1.0 / 4) < 1e-12)
        #expect(abs(broad.score - (1.0 / 6).squareRoot()) < 1e-12)
        #expect(broad.carriedBy == "resident")
        #expect(ranking.bridging?.groups.map(\.key) == ["resident", "student"])
        #expect(ranking.bridging?.undeclared == 1)
        let entry = try #require(ranking.entry(id: 1))
        #expect(abs(entry.parts.support - 100 * 0.4 * (1.0 / 6).squareRoot()) < 1e-9)
        #expect(abs(entry.overall - entry.parts.goals - entry.parts.support) < 1e-9)
    }
}
