import Foundation
import Testing
@testable import OfficinaCore

/// The settled probability is published with fixed seeds, so the same ballots must keep giving the
/// same stated figure when its computation is made faster. The expected bit patterns were recorded
/// from the code before the draws were reorganised (session6-merged, 23ebcea).
@Suite struct ScoringSettledReproducibilityTests {
    /// Rooms of 8 to 30 proposals with a close or a clear top, from `ScoringSettledBootstrapTests.room`.
    static func rooms() -> [ScoringInput] {
        (UInt64(1)...8).map { seed in
            var random = SplitMix64(seed: seed &* 31)
            let size = 8 + Int(seed) * 3
            let spread = seed % 2 == 0 ? 0.6 : 3.0
            let truth = (0..<size).map { _ in Double.random(in: (2 - spread / 2)...(2 + spread / 2), using: &random) }
            return ScoringSettledBootstrapTests.room(truth: truth, voters: 60 + Int(seed) * 20, viewed: 6, seed: seed)
        }
    }

    static func probabilities(_ method: ScoringMethod) -> [UInt64] {
        rooms().map { (Ranking.compute($0, configuration: ScoringConfiguration(method: method)).settled.probability ?? -1).bitPattern }
    }

    @Test func theBootstrapStatesTheSameProbabilityAsBefore() {
        let recorded: [UInt64] = [
            4606651994843904883, 4601237667291888353, 4602408603195004682, 4597274499619802317,
            4601868171239720223, 4596553923679423037, 4606119569287957971, 4598985867478203105,
        ]
        #expect(Self.probabilities(.officina2) == recorded)
    }

    @Test func thePosteriorDrawsStateTheSameProbabilityAsBefore() {
        let recorded: [UInt64] = [
            4604453237425830887, 4602201437612145639, 4598607565109503984, 4590969460141483622,
            4600751278532132340, 4595112771798664479, 4603971352265702244, 4595815333340534276,
        ]
        #expect(Self.probabilities(.officina1) == recorded)
    }

    /// A block's resamples shared among threads give the figure of one thread, bit for bit: resample r
    /// draws the same bits whichever thread runs it. Rooms of 80 to 240 voters, and one of 2,000 (the
    /// size at which a ranking shares its blocks by default), each with 1 to 7 lanes.
    @Test func sharingTheResamplesAmongThreadsChangesNoBit() throws {
        var rooms = Self.rooms()
        var random = SplitMix64(seed: 2_026)
        let truth = (0..<40).map { _ in Double.random(in: 1.7...2.3, using: &random) }
        rooms.append(ScoringSettledBootstrapTests.room(truth: truth, voters: 2_000, viewed: 6, seed: 12))
        #expect(SettledBootstrap.lanes(ballots: 2_000) == min(ProcessInfo.processInfo.activeProcessorCount, 4))
        var compared = 0
        for input in rooms {
            let computation = RankingComputation(input: input, configuration: ScoringConfiguration(method: .officina2))
            let statistics = computation.goals.indices.map(computation.goalStatistics)
            let ordered = computation.candidates.indices.map { computation.figures($0, statistics: statistics) }
                .sorted { RankingOrder.precedes($0, $1) }
            let bootstrap = try #require(computation.settledBootstrap(ordered, statistics: statistics))
            guard bootstrap.contenders.count > bootstrap.k else { continue }
            let alone = bootstrap.estimate(lanes: 1)
            for lanes in 2...7 {
                #expect(bootstrap.estimate(lanes: lanes).bitPattern == alone.bitPattern, "\(lanes) lanes, \(input.ballots.count) ballots")
            }
            compared += 1
        }
        #expect(compared >= 6)
    }
}
