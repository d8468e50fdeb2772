import Foundation
import OfficinaCore
import Testing
@testable import OfficinaApp

/// Issue 10, Medium 4, as a property: random sequences of merges, undos, hides and ballot edits
/// against a live server on a real SQLite file never break a ballot, and undoing every merge gives
/// every voter back the ballot they last cast.
@Suite struct MergePropertyTests {

    struct Cast: Equatable {
        var support: [Int64: Int] = [:]
        var ratings: [Int64: [String: Int]] = [:]
    }

    static let budget = 5, cap = 3, sequences = 16, steps = 12

    /// What the test believes about the workshop: statuses, who wrote what, and each voter's last cast ballot.
    struct Model {
        var status: [Int64: String] = [:]
        var mergedInto: [Int64: Int64] = [:]
        var statusBeforeMerge: [Int64: String] = [:]
        var own: [Int: Int64] = [:]
        var cast: [Int: Cast] = [:]

        var visible: [Int64] { status.filter { $0.value == "visible" }.map(\.key).sorted() }
        var unmerged: [Int64] { status.filter { $0.value != "merged" }.map(\.key).sorted() }
        var merged: [Int64] { status.filter { $0.value == "merged" }.map(\.key).sorted() }
    }

    static func supportMap(_ value: JSONValue?) -> [Int64: Int] {
        guard case let .object(pairs) = value ?? .null else { return [:] }
        var map: [Int64: Int] = [:]
        for (key, dots) in pairs { if let id = Int64(key), let dots = dots.doubleValue { map[id] = Int(dots) } }
        return map
    }

    static func ratingsMap(_ value: JSONValue?) -> [Int64: [String: Int]] {
        guard case let .object(pairs) = value ?? .null else { return [:] }
        var map: [Int64: [String: Int]] = [:]
        for (key, goals) in pairs {
            guard let id = Int64(key), case let .object(values) = goals else { continue }
            for (goal, rating) in values { if let rating = rating.doubleValue { map[id, default: [:]][goal] = Int(rating) } }
        }
        return map
    }

    static func body(_ cast: Cast) -> JSONValue {
        [
            "support": .object(cast.support.map { (String($0.key), .int($0.value)) }),
            "ratings": .object(cast.ratings.map { (String($0.key), .object($0.value.map { ($0.key, .int($0.value)) })) }),
        ]
    }

    /// A random valid ballot for voter `v`: visible proposals that are not theirs, within cap and budget.
    static func randomCast(_ v: Int, _ model: Model, _ rng: inout SplitMix64) -> Cast {
        var cast = Cast()
        var left = budget
        for id in model.visible.filter({ $0 != model.own[v] }).shuffled(using: &rng).prefix(3) where left > 0 {
            let dots = Int.random(in: 1...min(cap, left), using: &rng)
            cast.support[id] = dots
            left -= dots
            if Bool.random(using: &rng) { cast.ratings[id] = ["space": Int.random(in: 0...4, using: &rng)] }
        }
        return cast
    }

    @Test func randomMergesUndosHidesAndEditsKeepEveryBallotValidCountedOnceAndRestorable() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let voters = [f.reader] + (1...3).map { _ in server.browser() }
            var model = Model()
            model.status[f.proposalID] = "visible"
            for (index, voter) in voters.enumerated() {
                if index > 0 { try await voter.post("/api/join", ["code": .string(f.code), "name": .string("Voter \(index)")]) }
                let own = try await voter.post("/api/workshops/\(f.code)/proposals", ["title": .string("Idea del votante \(index)")])
                model.own[index] = Int64(try #require(own.json["id"]?.doubleValue))
                model.status[model.own[index]!] = "visible"
            }
            for title in ["Orto", "Ciclofficina", "Biblioteca", "Mercato", "Cinema"] {
                let created = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": .string(title)])
                model.status[Int64(try #require(created.json["id"]?.doubleValue))] = "visible"
            }
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let ballotPath = "/api/workshops/\(f.code)/ballot"

            /// Every invariant, read back through the API; returns false (with issues recorded) when one broke.
            func check(_ context: String) async throws -> Bool {
                var ok = true
                var sums: [Int64: (support: Int, supporters: Int)] = [:]
                for (index, voter) in voters.enumerated() {
                    let ballot = try await voter.get(ballotPath)
                    let support = Self.supportMap(ballot.json["support"]), ratings = Self.ratingsMap(ballot.json["ratings"])
                    let notices = ballot.json["notices"]?.arrayValue ?? []
                    let spent = support.values.reduce(0, +)
                    let checks: [(Bool, String)] = [
                        (ballot.status == 200, "status \(ballot.status)"),
                        (spent <= Self.budget && ballot.json["spent"] == .int(spent), "spent \(spent)"),
                        (support.values.allSatisfy { (1...Self.cap).contains($0) }, "cap \(support)"),
                        (support[model.own[index]!] == nil && ratings[model.own[index]!] == nil, "self-support \(support)"),
                        (support.keys.allSatisfy { model.status[$0] == "visible" }, "support on a proposal not visible \(support) \(model.status)"),
                        (ratings.keys.allSatisfy { model.status[$0] == "visible" }, "rating on a proposal not visible"),
                        (!notices.isEmpty || support == model.cast[index]?.support ?? [:], "changed without a notice"),
                    ]
                    for (holds, what) in checks where !holds {
                        Issue.record("\(context), voter \(index): \(what)")
                        ok = false
                    }
                    for (id, dots) in support { sums[id] = ((sums[id]?.support ?? 0) + dots, (sums[id]?.supporters ?? 0) + 1) }
                }
                let list = try await f.facilitator.get("/api/workshops/\(f.code)/proposals")
                for proposal in list.json["proposals"]?.arrayValue ?? [] {
                    guard let id = proposal["id"]?.doubleValue.map(Int64.init) else { continue }
                    let tally = (Int(proposal["tally"]?["support"]?.doubleValue ?? -1), Int(proposal["tally"]?["supporters"]?.doubleValue ?? -1))
                    let expected = sums[id] ?? (0, 0)
                    if tally != expected {
                        Issue.record("\(context): proposal \(id) tally \(tally), ballots add up to \(expected)")
                        ok = false
                    }
                }
                return ok
            }

            var rng = SplitMix64(seed: 0x0FF1_C1A0)
            var asserted = 0
            for sequence in 0..<Self.sequences {
                var ok = true
                for index in voters.indices {
                    let cast = Self.randomCast(index, model, &rng)
                    let answer = try await voters[index].put(ballotPath, Self.body(cast))
                    #expect(answer.status == 200, "\(answer)")
                    model.cast[index] = cast
                }
                for step in 0..<Self.steps {
                    let roll = Int.random(in: 0..<100, using: &rng)
                    let context = "sequence \(sequence) step \(step) roll \(roll)"
                    if roll < 30, model.unmerged.count >= 2 {
                        let from = model.unmerged.randomElement(using: &rng)!
                        let into = model.unmerged.filter { $0 != from }.randomElement(using: &rng)!
                        let answer = try await f.facilitator.post("/api/proposals/\(from)/merge", ["into": .integer(into)])
                        #expect(answer.status == 200, "\(context): \(answer)")
                        model.statusBeforeMerge[from] = model.status[from]
                        model.status[from] = "merged"
                        model.mergedInto[from] = into
                    } else if roll < 50, let from = model.merged.randomElement(using: &rng) {
                        let answer = try await f.facilitator.post("/api/proposals/\(from)/unmerge")
                        #expect(answer.status == 200, "\(context): \(answer)")
                        model.status[from] = model.statusBeforeMerge[from]
                    } else if roll < 60, let id = model.unmerged.randomElement(using: &rng) {
                        let next = model.status[id] == "hidden" ? "visible" : "hidden"
                        let answer = try await f.facilitator.patch("/api/proposals/\(id)", ["status": .string(next)])
                        #expect(answer.status == 200, "\(context): \(answer)")
                        model.status[id] = next
                    } else if roll < 85 {
                        let index = Int.random(in: voters.indices, using: &rng)
                        let cast = Self.randomCast(index, model, &rng)
                        let answer = try await voters[index].put(ballotPath, Self.body(cast))
                        #expect(answer.status == 200, "\(context): \(answer)")
                        model.cast[index] = cast
                    } else {
                        // Sending back exactly what the ballot page shows is always accepted.
                        let index = Int.random(in: voters.indices, using: &rng)
                        let shown = try await voters[index].get(ballotPath)
                        let cast = Cast(support: Self.supportMap(shown.json["support"]), ratings: Self.ratingsMap(shown.json["ratings"]))
                        let answer = try await voters[index].put(ballotPath, Self.body(cast))
                        #expect(answer.status == 200, "\(context): resubmitting \(cast) gave \(answer)")
                        model.cast[index] = cast
                    }
                    ok = try await check(context) && ok
                }
                // Undo every merge, in any order, and show every hidden proposal again.
                while let from = model.merged.randomElement(using: &rng) {
                    #expect(try await f.facilitator.post("/api/proposals/\(from)/unmerge").status == 200)
                    model.status[from] = model.statusBeforeMerge[from]
                }
                for id in model.status.filter({ $0.value == "hidden" }).map(\.key) {
                    #expect(try await f.facilitator.patch("/api/proposals/\(id)", ["status": "visible"]).status == 200)
                    model.status[id] = "visible"
                }
                ok = try await check("sequence \(sequence) restored") && ok
                for (index, voter) in voters.enumerated() {
                    let ballot = try await voter.get(ballotPath)
                    let restored = Cast(support: Self.supportMap(ballot.json["support"]), ratings: Self.ratingsMap(ballot.json["ratings"]))
                    if restored != model.cast[index] || ballot.json["notices"] != [] {
                        Issue.record("sequence \(sequence), voter \(index): \(restored) after undoing every merge, last cast \(String(describing: model.cast[index]))")
                        ok = false
                    }
                }
                if ok { asserted += 1 }
            }
            #expect(asserted == Self.sequences)
        }
    }
}
