import Foundation
import Testing
@testable import OfficinaStore

@Suite struct FacilitatorRepositoryTests {
    @Test func anAccountRoundTripsAndUsernamesAreUniqueIgnoringCase() throws {
        let fixture = try Fixture()
        let at = Date(timeIntervalSince1970: 1_800_000_000)
        let account = try fixture.store.writeBlocking { db in
            try db.facilitators.create(username: "Giulia", passwordHash: "pbkdf2-sha256$600000$c2FsdA$aGFzaA", at: at)
        }
        #expect(try fixture.store.read { db in try db.facilitators.find(username: "giulia") } == account)
        #expect(try fixture.store.read { db in try db.facilitators.find(id: account.id) } == account)
        #expect(try fixture.store.read { db in try db.facilitators.count() } == 1)
        let error = try #require(throws: StoreError.self) {
            try fixture.store.writeBlocking { db in try db.facilitators.create(username: "GIULIA", passwordHash: "x") }
        }
        #expect(error.kind == .constraint)
        #expect(try fixture.store.writeBlocking { db in try db.facilitators.setPasswordHash("new", facilitatorID: account.id) })
        #expect(try fixture.store.read { db in try db.facilitators.find(id: account.id)?.passwordHash } == "new")
    }
}
