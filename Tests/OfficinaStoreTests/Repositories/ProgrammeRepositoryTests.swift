import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct ProgrammeRepositoryTests {
    @Test func aProgrammeRoundTripsWithItsGoalsInOrderAndItsWorkshops() throws {
        let fixture = try Fixture()
        let listed = try fixture.store.read { db in try db.programmes.list() }
        #expect(listed.count == 1)
        #expect(listed[0].programme == fixture.programme)
        #expect(listed[0].programme.goals.map(\.key) == ["space", "partnerships", "community"])
        #expect(listed[0].workshops == [fixture.workshop])
        #expect(try fixture.store.read { db in try db.programmes.find(id: fixture.programme.id) } == fixture.programme)
        #expect(try fixture.store.read { db in try db.programmes.find(id: 999) } == nil)
    }

    @Test func updatingAProgrammeChangesTextsWeightsAndGoalsByKey() throws {
        let fixture = try Fixture()
        var changed = fixture.programme
        changed.title = LocalizedText(it: "Nuovo titolo", en: "New title")
        changed.goals = [
            Goal(key: "community", label: LocalizedText(it: "Comunità", en: "Community"), weight: 2),
            Goal(key: "space", label: LocalizedText(it: "Luogo", en: "Place"), weight: 0.5),
            Goal(key: "impact", label: LocalizedText(it: "Impatto", en: "Impact"), weight: 1),
        ]
        let stored = try fixture.store.writeBlocking { db in try db.programmes.update(changed) }
        #expect(stored == changed)
        #expect(try fixture.store.read { db in try db.programmes.find(id: changed.id) } == changed)
        var missing = changed
        missing.id = 999
        #expect(try fixture.store.writeBlocking { db in try db.programmes.update(missing) } == nil)
    }

    @Test func duplicateGoalKeysAndNegativeWeightsAreRefused() throws {
        let fixture = try Fixture()
        let label = LocalizedText(it: "x", en: "x")
        #expect(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.programmes.create(title: label, description: label, goals: [Goal(key: "a", label: label), Goal(key: "a", label: label)])
            }
        }
        let error = try #require(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.programmes.create(title: label, description: label, goals: [Goal(key: "a", label: label, weight: -1)])
            }
        }
        #expect(error.kind == .constraint)
        #expect(try fixture.store.read { db in try db.programmes.list().count } == 1)
    }
}
