import Foundation
import OfficinaCore
import Testing
@testable import OfficinaStore

@Suite struct WorkshopRepositoryTests {
    @Test func aWorkshopRoundTripsByCodeAndByIDWithEverySetting() throws {
        let fixture = try Fixture()
        let settings = WorkshopSettings(
            votingMethod: .approval, dotBudget: 7, perProposalCap: 2, ratingsEnabled: false, anonymous: true,
            shuffleProposals: false, showLiveTallies: true, allowSelfSupport: true, requireAccessCode: true
        )
        let deadline = Date(timeIntervalSince1970: 1_800_000_000.5)
        let created = try fixture.store.writeBlocking { db in
            try db.workshops.create(
                programmeID: fixture.programme.id, theme: "events",
                title: LocalizedText(it: "Eventi", en: "Events"), description: LocalizedText(it: "Descr", en: "Descr"),
                settings: settings, phase: .collecting, deadline: deadline
            )
        }
        #expect(try fixture.store.read { db in try db.workshops.find(code: created.code) } == created)
        #expect(try fixture.store.read { db in try db.workshops.find(id: created.id) } == created)
        #expect(try fixture.store.read { db in try db.workshops.list(programmeID: fixture.programme.id) } == [fixture.workshop, created])
        #expect(fixture.workshop.code != created.code)
    }

    @Test func aTakenJoinCodeIsRefused() throws {
        let fixture = try Fixture()
        let error = try #require(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.workshops.create(
                    programmeID: fixture.programme.id, theme: "x", title: LocalizedText(it: "x", en: "x"),
                    description: LocalizedText(it: "", en: ""), code: fixture.workshop.code
                )
            }
        }
        #expect(error.kind == .constraint)
    }

    @Test func updateSavesEverythingButPhaseAndCode() throws {
        let fixture = try Fixture()
        var changed = fixture.workshop
        changed.theme = "partners"
        changed.title = LocalizedText(it: "Rete", en: "Network")
        changed.settings.dotBudget = 10
        changed.deadline = Date(timeIntervalSince1970: 1_900_000_000)
        changed.phase = .closed
        #expect(try fixture.store.writeBlocking { db in try db.workshops.update(changed) })
        var expected = changed
        expected.phase = .draft
        #expect(try fixture.store.read { db in try db.workshops.find(id: changed.id) } == expected)
    }

    @Test func settingThePhaseLogsWhoFromWhereToWhereAndWhen() throws {
        let fixture = try Fixture()
        let id = fixture.workshop.id
        let first = Date(timeIntervalSince1970: 1_800_000_000)
        let deadline = Date(timeIntervalSince1970: 1_800_003_600)
        try fixture.store.writeBlocking { db in
            try db.workshops.setPhase(workshopID: id, to: .collecting, by: "anna", deadline: deadline, at: first)
            try db.workshops.setPhase(workshopID: id, to: .voting, by: "marco", at: first + 60)
        }
        let log = try fixture.store.read { db in try db.workshops.phaseLog(workshopID: id) }
        #expect(log == [
            PhaseChange(from: .draft, to: .collecting, by: "anna", at: first),
            PhaseChange(from: .collecting, to: .voting, by: "marco", at: first + 60),
        ])
        let workshop = try fixture.store.read { db in try db.workshops.find(id: id) }
        #expect(workshop?.phase == .voting)
        #expect(workshop?.deadline == nil)
        #expect(try fixture.store.writeBlocking { db in try db.workshops.setPhase(workshopID: 999, to: .voting, by: "x") } == nil)
    }

    @Test func countsAndTheLockFollowWhatTheWorkshopHolds() throws {
        let fixture = try Fixture(participantCount: 4, proposalCount: 2)
        let id = fixture.workshop.id
        #expect(try fixture.store.read { db in try db.workshops.isLocked(workshopID: id) } == false)
        try fixture.store.writeBlocking { db in
            _ = try db.buildOns.add(proposalID: fixture.proposals[0].id, authorID: fixture.participants[1].id, text: "E poi…")
            try db.ballots.replace(
                Ballot(participantID: fixture.participants[0].id, support: [fixture.proposals[0].id: 2],
                       ratings: [fixture.proposals[0].id: ["space": 3, "community": 4]]),
                workshopID: id
            )
        }
        let counts = try fixture.store.read { db in try db.workshops.counts(workshopID: id) }
        #expect(counts == WorkshopCounts(participants: 4, proposals: 2, buildOns: 1, ballots: 1, ratings: 2))
        #expect(try fixture.store.read { db in try db.workshops.isLocked(workshopID: id) } == true)
        #expect(try fixture.store.read { db in try db.workshops.goals(workshopID: id) } == Fixture.goals)
    }
}
