import Testing
@testable import OfficinaCore

@Suite struct ValidationGoalWeightsTests {
    private let goals = [
        Goal(key: "space", label: LocalizedText(it: "Spazio", en: "Space"), weight: 1),
        Goal(key: "partnerships", label: LocalizedText(it: "Partner", en: "Partners"), weight: 1),
        Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community"), weight: 0.5),
    ]

    private func failure(_ query: String) -> DomainError? {
        do {
            _ = try GoalWeights.parse(query, goals: goals)
            return nil
        } catch {
            return error
        }
    }

    @Test func theDocumentedQueryParses() throws {
        #expect(try GoalWeights.parse("space:2,partnerships:1,community:1", goals: goals)
            == ["space": 2, "partnerships": 1, "community": 1])
    }

    @Test func goalsNotNamedKeepTheirProgrammeWeight() throws {
        #expect(try GoalWeights.parse("space:3", goals: goals) == ["space": 3, "partnerships": 1, "community": 0.5])
    }

    @Test func spacesAndDecimalsAreAccepted() throws {
        #expect(try GoalWeights.parse(" space : 0.25 , community:0", goals: goals)["space"] == 0.25)
    }

    @Test func aNegativeWeightIsNamedAsNegative() throws {
        let error = try #require(failure("space:-1"))
        #expect(error.code == "weights")
        #expect(error.kind == .invalid)
        #expect(error.field == "weights.space")
        #expect(error.message.contains("negative"))
    }

    @Test func anUnknownGoalIsNamedWithTheKnownOnes() throws {
        let error = try #require(failure("space:1,moon:2"))
        #expect(error.message.contains("unknown goal 'moon'"))
        #expect(error.message.contains("community, partnerships, space"))
    }

    @Test func allZeroWeightsAreRefused() throws {
        let error = try #require(failure("space:0,partnerships:0,community:0"))
        #expect(error.message.contains("all weights are zero"))
    }

    @Test(arguments: ["abc", "1e3", "0x10", "nan", "inf", "1.", ".5", "+1", "1,5", "١"])
    func aWeightThatIsNotAPlainDecimalIsNotANumber(text: String) throws {
        let error = try #require(failure("space:\(text)"))
        #expect(error.code == "weights")
        #expect(error.message.contains("not a number") || error.message.contains("must be goal:weight") || error.message.contains("empty entry"))
    }

    @Test func aRepeatedGoalIsRefused() throws {
        let error = try #require(failure("space:1,space:2"))
        #expect(error.message.contains("appears twice"))
    }

    @Test func malformedEntriesAreRefused() throws {
        #expect(try #require(failure("")).message.contains("empty"))
        #expect(try #require(failure("space")).message.contains("goal:weight"))
        #expect(try #require(failure("space:1:2")).message.contains("goal:weight"))
        #expect(try #require(failure("space:1,,community:1")).message.contains("position 2"))
    }

    @Test func aWeightAboveTheMaximumIsRefused() throws {
        #expect(try #require(failure("space:101")).message.contains("maximum"))
        #expect(try GoalWeights.parse("space:100", goals: goals)["space"] == 100)
    }

    @Test func aFloodOfEntriesIsRefusedBeforeAnyWork() throws {
        let query = Array(repeating: "space:1", count: 65).joined(separator: ",")
        #expect(try #require(failure(query)).message.contains("at most 64"))
    }

    @Test func longClientTextIsCutShortInMessages() throws {
        let error = try #require(failure(String(repeating: "z", count: 5_000) + ":1"))
        #expect(error.message.count < 200)
    }

    @Test func jsonWeightsFollowTheSameRules() throws {
        #expect(try GoalWeights.validate(["space": 2], goals: goals) == ["space": 2, "partnerships": 1, "community": 0.5])
        #expect(throws: DomainError.self) { try GoalWeights.validate(["space": -1], goals: goals) }
        #expect(throws: DomainError.self) { try GoalWeights.validate(["moon": 1], goals: goals) }
        #expect(throws: DomainError.self) { try GoalWeights.validate(["space": .nan], goals: goals) }
        #expect(throws: DomainError.self) { try GoalWeights.validate(["space": .infinity], goals: goals) }
        #expect(throws: DomainError.self) {
            try GoalWeights.validate(["space": 0, "partnerships": 0, "community": 0], goals: goals)
        }
    }

    @Test func aProgrammeWhoseGoalsAllWeighZeroIsRefused() {
        let zero = goals.map { Goal(key: $0.key, label: $0.label, weight: 0) }
        #expect(throws: DomainError.self) { try GoalWeights.validate(goals: zero) }
    }
}
