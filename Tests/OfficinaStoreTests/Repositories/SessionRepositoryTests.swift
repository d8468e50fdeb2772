import Foundation
import Testing
@testable import OfficinaStore

@Suite struct SessionRepositoryTests {
    @Test func aSessionIsFoundUntilItExpiresOrIsDeleted() throws {
        let fixture = try Fixture()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let account = try fixture.store.writeBlocking { db in try db.facilitators.create(username: "anna", passwordHash: "h") }
        let session = try fixture.store.writeBlocking { db in
            try db.sessions.create(tokenHash: "hash-1", facilitatorID: account.id, expiresAt: now + 3600, at: now)
        }
        #expect(session.username == "anna")
        #expect(try fixture.store.read { db in try db.sessions.findValid(tokenHash: "hash-1", at: now + 10) } == session)
        #expect(try fixture.store.read { db in try db.sessions.findValid(tokenHash: "hash-1", at: now + 3600) } == nil)
        #expect(try fixture.store.read { db in try db.sessions.findValid(tokenHash: "other", at: now) } == nil)
        #expect(try fixture.store.writeBlocking { db in try db.sessions.delete(tokenHash: "hash-1") })
        #expect(try fixture.store.read { db in try db.sessions.findValid(tokenHash: "hash-1", at: now) } == nil)
    }

    @Test func expiredSessionsArePurged() throws {
        let fixture = try Fixture()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let account = try fixture.store.writeBlocking { db in try db.facilitators.create(username: "anna", passwordHash: "h") }
        let purged = try fixture.store.writeBlocking { db in
            try db.sessions.create(tokenHash: "old", facilitatorID: account.id, expiresAt: now - 1, at: now - 100)
            try db.sessions.create(tokenHash: "new", facilitatorID: account.id, expiresAt: now + 100, at: now)
            return try db.sessions.deleteExpired(at: now)
        }
        #expect(purged == 1)
        #expect(try fixture.store.read { db in try db.sessions.findValid(tokenHash: "new", at: now) } != nil)
    }
}
