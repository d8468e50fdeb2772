import Testing
@testable import OfficinaCore

/// The officina-2 worked example of docs/scoring.md ("officina-2: a worked example"), digit for digit.
@Suite struct ScoringCalibrationWorkedExampleTests {
    static let goals = [Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"), weight: 1)]

    /// Anna (generous) rates proposal 1 a 3 and 2 a 4; Bruno (harsh) rates 2 a 1 and 3 a 2.
    static var input: ScoringInput {
        ScoringInput(
            workshop: "ACD347", goals: goals,
            candidates: (1...3).map { RankingCandidate(id: Int64($0), title: "P\($0)", author: nil, goals: []) },
            ballots: [
                Ballot(participantID: 1, support: [:], ratings: [1: ["space": 3], 2: ["space": 4]]),
                Ballot(participantID: 2, support: [:], ratings: [2: ["space": 1], 3: ["space": 2]]),
            ]
        )
    }

    static func scores(_ configuration: ScoringConfiguration) -> [Double] {
        let ranking = Ranking.compute(input, configuration: configuration)
        return (1...3).map { ranking.entry(id: Int64($0))?.goals["space"]?.score ?? .nan }
    }

    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        zip(a, b).allSatisfy { abs($0 - $1) < 1e-6 }
    }

    @Test func officinaOneReadsTheRawRatings() {
        // μ = 10/4; s = (2·2.5 + Σr)/(2 + n).
        #expect(Self.close(Self.scores(ScoringConfiguration()), [8.0 / 3, 10.0 / 4, 7.0 / 3]))
    }

    @Test func theFirstPassOfOfficinaTwo() {
        // Offsets from q = 2: Anna 1.5, Bruno −0.5, centred by 0.5 → ±1; adjusted 2, 3 | 2, 3.
        let one = ScoringConfiguration(method: .officina2, calibrationPasses: 1)
        #expect(Self.close(Self.scores(one), [7.0 / 3, 10.0 / 4, 8.0 / 3]))
    }

    @Test func tenPassesReachTheFixedPoint() {
        // Fixed point: offsets ±1.1; q1 = 6.9/3, q2 = 10/4, q3 = 8.1/3. The order reverses officina-1's:
        // proposal 3 (rated by the harsh rater) first, proposal 1 (rated by the generous one) last.
        let scores = Self.scores(ScoringConfiguration(method: .officina2))
        #expect(Self.close(scores, [6.9 / 3, 10.0 / 4, 8.1 / 3]))
        let ranking = Ranking.compute(Self.input, configuration: ScoringConfiguration(method: .officina2))
        #expect(ranking.entries.map(\.id) == [3, 2, 1])
        #expect(Ranking.compute(Self.input).entries.map(\.id) == [1, 2, 3])
    }
}
