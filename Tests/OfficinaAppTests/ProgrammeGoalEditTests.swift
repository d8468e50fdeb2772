import Foundation
import Testing
@testable import OfficinaApp

/// The programme and goals editor's rules: labels and default weights change freely; a goal that
/// ballots rated cannot be removed (409 `goal_rated`, naming it), one nobody rated can.
@Suite struct ProgrammeGoalEditTests {
    static func goals(_ programme: TestResponse, dropping key: String? = nil, weight: Double = 1) -> JSONValue {
        .array((programme.json["goals"]?.arrayValue ?? []).filter { $0["key"]?.stringValue != key }.map { goal in
            .object([("key", goal["key"] ?? .null), ("label", goal["label"] ?? .null), ("weight", .number(weight))])
        })
    }

    @Test func aGoalThatBallotsRatedCannotBeRemovedAndOneNobodyRatedCan() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let id = try await server.browser().get("/api/workshops/\(f.code)").json["programmeId"]?.doubleValue ?? 0
            let path = "/api/programmes/\(Int(id))"
            let programme = try await f.facilitator.get(path)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let ballot = try await f.reader.put("/api/workshops/\(f.code)/ballot",
                                                ["ratings": .object([(String(f.proposalID), .object([("space", 3)]))])])
            #expect(ballot.status == 200)
            let refused = try await f.facilitator.patch(path, ["goals": Self.goals(programme, dropping: "space")])
            #expect(refused.status == 409)
            #expect(refused.errorCode == "goal_rated")
            #expect(refused.json["error"]?["message"]?.stringValue?.contains("space") == true)
            let kept = try await f.facilitator.get(path)
            #expect(kept.json["goals"]?.arrayValue?.count == 3)
            let reweighted = try await f.facilitator.patch(path, ["goals": Self.goals(programme, weight: 2)])
            #expect(reweighted.status == 200)
            #expect(reweighted.json["goals"]?.arrayValue?.first?["weight"]?.doubleValue == 2)
            let dropped = try await f.facilitator.patch(path, ["goals": Self.goals(programme, dropping: "partnerships")])
            #expect(dropped.status == 200)
            #expect(dropped.json["goals"]?.arrayValue?.count == 2)
        }
    }
}
