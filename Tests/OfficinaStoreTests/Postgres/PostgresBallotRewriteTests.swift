import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

/// The two-statement ballot rewrite on PostgreSQL (`BallotRepository+PostgresRewrite`): rows sent as
/// arrays come back exactly as cast, whatever their goal keys hold, and the tally changes it returns
/// keep the running tallies equal to the rows through keeps, changes, removals and additions.
@Suite(.enabled(if: PostgresTestDatabase.isConfigured, "needs OFFICINA_TEST_DB=postgres://…"))
struct PostgresBallotRewriteTests {
    /// Goal keys an array literal could misread: quotes, backslashes, commas, braces, spaces, `NULL`, empty.
    private static let awkwardGoals = ["space", "a\"b", "c\\d", "e,f", "{g}", " h ", "NULL", ""]

    @Test func rewritesKeepChangeAndDropRowsAndTalliesStayEqualToTheRows() async throws {
        let database = try PostgresTestDatabase()
        let store = try Store(postgres: database.url)
        defer { store.close() }
        let (workshopID, voters, proposals) = try store.writeBlocking { db in
            let programme = try db.programmes.create(
                title: LocalizedText(it: "P", en: "P"), description: LocalizedText(it: "", en: ""), goals: [])
            let workshop = try db.workshops.create(
                programmeID: programme.id, theme: "t", title: LocalizedText(it: "W", en: "W"), description: LocalizedText(it: "", en: ""))
            let voters = try (0..<3).map { try db.participants.create(workshopID: workshop.id, name: "v\($0)", tokenHash: "v\($0)").id }
            let proposals = try (0..<5).map {
                try db.proposals.create(workshopID: workshop.id, authorID: voters[0], title: "Idea \($0)", body: "", goals: []).id
            }
            return (workshop.id, voters, proposals)
        }
        // Each step rewrites every voter's ballot: some rows kept, some changed, some gone, some new.
        var last: [Int64: Ballot] = [:]
        for step in 0..<12 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, voter) in voters.enumerated() {
                    let seed = step * 3 + index
                    var ballot = Ballot(participantID: voter)
                    for (offset, proposal) in proposals.enumerated() where (seed + offset) % 3 != 0 {
                        ballot.support[proposal] = 1 + (seed / 2 + offset) % 3
                        var ratings: [String: Int] = [:]
                        for (g, goal) in Self.awkwardGoals.enumerated() where (seed + g + offset) % 4 != 0 {
                            ratings[goal] = (seed / 3 + g) % 5
                        }
                        ballot.ratings[proposal] = ratings
                    }
                    if step == 7 { ballot = Ballot(participantID: voter) } // an empty ballot drops every row
                    last[voter] = ballot
                    let cast = ballot
                    group.addTask { try await store.write { db in try db.ballots.replace(cast, workshopID: workshopID) } }
                }
                try await group.waitForAll()
            }
            let stored = try store.read { db in try db.ballots.all(workshopID: workshopID) }
            for ballot in stored {
                let cast = try #require(last[ballot.participantID])
                #expect(ballot.support == cast.support)
                #expect(ballot.ratings == cast.ratings.filter { !$0.value.isEmpty })
            }
            var expected = BallotSums()
            for ballot in stored {
                for (proposal, dots) in ballot.support { expected.support[proposal, default: [:]][dots, default: 0] += 1 }
                for (proposal, goals) in ballot.ratings {
                    for (goal, value) in goals { expected.ratings[proposal, default: [:]][goal, default: [:]][value, default: 0] += 1 }
                }
            }
            #expect(try store.read { db in try db.ballots.sums(workshopID: workshopID) } == expected)
        }
    }
}
