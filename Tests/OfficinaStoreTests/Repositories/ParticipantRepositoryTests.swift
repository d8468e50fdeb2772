import Foundation
import Testing
@testable import OfficinaStore

@Suite struct ParticipantRepositoryTests {
    @Test func aParticipantIsFoundByTokenHashOnlyInTheirWorkshop() throws {
        let fixture = try Fixture(participantCount: 2, proposalCount: 0)
        let first = fixture.participants[0]
        #expect(try fixture.store.read { db in try db.participants.find(tokenHash: "token-0", workshopID: fixture.workshop.id) } == first)
        #expect(try fixture.store.read { db in try db.participants.find(id: first.id) } == first)
        #expect(try fixture.store.read { db in try db.participants.find(tokenHash: "token-0", workshopID: 999) } == nil)
        #expect(try fixture.store.read { db in try db.participants.list(workshopID: fixture.workshop.id) } == fixture.participants)
    }

    @Test func aTokenHashIsNeverSharedAndTheWorkshopMustExist() throws {
        let fixture = try Fixture(participantCount: 1, proposalCount: 0)
        let duplicate = try #require(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in
                try db.participants.create(workshopID: fixture.workshop.id, name: "Altro", tokenHash: "token-0")
            }
        }
        #expect(duplicate.kind == .constraint)
        let orphan = try #require(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.participants.create(workshopID: 999, name: "X", tokenHash: "t") }
        }
        #expect(orphan.code == 787) // SQLITE_CONSTRAINT_FOREIGNKEY
    }
}
