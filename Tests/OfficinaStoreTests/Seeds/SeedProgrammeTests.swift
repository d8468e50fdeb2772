import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct SeedProgrammeTests {
    /// The repository's own seed file, found from this source file's path.
    static let shippedSeed = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds/programme.json")

    @Test func theShippedProgrammeHasThreeGoalsAndFiveThemedWorkshopsInBothLanguages() throws {
        let seed = try SeedProgramme(data: try Data(contentsOf: Self.shippedSeed))
        #expect(seed.title.it.hasPrefix("Impact Hub Torino"))
        #expect(seed.goals.map(\.key) == ["space", "partnerships", "community"])
        #expect(seed.goals.allSatisfy { $0.weight == 1 })
        #expect(seed.workshops.map(\.theme) == ["design", "community", "incubation", "events", "partners"])
        for workshop in seed.workshops {
            #expect(workshop.description.it.count > 200 && workshop.description.en.count > 200)
        }
    }

    @Test func loadSeedIfEmptyLoadsOnceOnFirstStart() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.path("fresh.db"))
        let loaded = try #require(try store.loadSeedIfEmpty(fileURL: Self.shippedSeed))
        #expect(loaded.workshops.count == 5)
        #expect(try store.loadSeedIfEmpty(fileURL: Self.shippedSeed) == nil)
        let listed = try store.read { db in try db.programmes.list() }
        #expect(listed == [loaded])
        #expect(Set(listed[0].workshops.map(\.code)).count == 5)
    }

    @Test(arguments: [
        (#"{"title":{"it":"T","en":"T"},"description":{"it":"D","en":"D"},"goals":[{"key":"space","label":{"it":"S","en":"S"}}],"workshops":[{"theme":"a","title":{"it":"A","en":"A"},"description":{"it":"x","en":"x"}},{"theme":"b","title":{"it":"B","en":"B"},"description":{"it":"x","en":"x"}},{"theme":"c","title":{"en":"C"},"description":{"it":"x","en":"x"}}]}"#,
         "workshops[2].title.it: missing"),
        (#"{"title":{"it":"T","en":"T"},"description":{"it":"D","en":"D"},"goals":[{"key":"space","label":{"it":"S","en":"S"},"weight":-1}],"workshops":[]}"#,
         "goals[0].weight: must be a number ≥ 0"),
        (#"{"title":{"it":"T","en":"T"},"description":{"it":"D","en":"D"},"goals":[{"key":"space","label":{"it":"S","en":"S"}},{"key":"space","label":{"it":"S","en":"S"}}],"workshops":[]}"#,
         "goals[1].key: duplicate key \"space\""),
        (#"{"title":{"it":"T","en":"T"},"description":{"it":"D","en":"D"},"goals":[{"key":"space","label":{"it":"S","en":"S"}}],"workshops":[{"theme":"a","title":{"it":"A","en":"A"},"description":{"it":"x","en":"x"},"settings":{"dotBudget":"five"}}]}"#,
         "workshops[0].settings.dotBudget: expected a number, found a string"),
        (#"{"title":{"it":"T","en":"T"},"descrption":{"it":"D","en":"D"}}"#,
         "descrption: unknown field"),
        (#"{"title":{"it":"T","en":""}}"#,
         "title.en: must not be empty"),
        (#"[1, 2]"#,
         "expected an object, found an array"),
    ])
    func aMalformedSeedIsRefusedNamingTheOffendingField(json: String, expected: String) throws {
        let error = try #require(throws: SeedError.self) { try SeedProgramme(data: Data(json.utf8)) }
        #expect(error.description == expected)
    }

    @Test func aSeedThatFailsHalfWayLeavesNothingWritten() throws {
        let folder = try TemporaryFolder()
        let store = try Store(path: folder.path("atomic.db"))
        let first = try store.seed(fileURL: Self.shippedSeed)
        // Valid JSON, but its second workshop reuses a join code the database already holds.
        let taken = first.workshops[0].code.value
        let json = #"{"title":{"it":"Due","en":"Two"},"description":{"it":"D","en":"D"},"goals":[{"key":"g","label":{"it":"G","en":"G"}}],"workshops":[{"theme":"a","title":{"it":"A","en":"A"},"description":{"it":"x","en":"x"}},{"theme":"b","code":"\#(taken)","title":{"it":"B","en":"B"},"description":{"it":"x","en":"x"}}]}"#
        let file = folder.url.appendingPathComponent("second.json")
        try Data(json.utf8).write(to: file)
        #expect(throws: StoreError.self) { try store.seed(fileURL: file) }
        #expect(try store.read { db in try db.programmes.list() }.count == 1)
        #expect(try store.read { db in try db.queryOne("SELECT count(*) FROM workshops") { $0.int(0) } } == 5)
    }
}
