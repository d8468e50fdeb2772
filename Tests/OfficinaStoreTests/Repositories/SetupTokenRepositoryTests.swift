import Foundation
import Testing
@testable import OfficinaStore

@Suite struct SetupTokenRepositoryTests {
    @Test func aSetupTokenIsConsumedExactlyOnceAndNotAfterItExpires() throws {
        let fixture = try Fixture()
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try fixture.store.writeBlocking { db in
            try db.setupTokens.create(tokenHash: "t1", expiresAt: now + 600, at: now)
            try db.setupTokens.create(tokenHash: "t2", expiresAt: now + 600, at: now)
        }
        #expect(try fixture.store.writeBlocking { db in try db.setupTokens.consume(tokenHash: "t1", at: now + 1) })
        #expect(try fixture.store.writeBlocking { db in try db.setupTokens.consume(tokenHash: "t1", at: now + 2) } == false)
        #expect(try fixture.store.writeBlocking { db in try db.setupTokens.consume(tokenHash: "t2", at: now + 600) } == false)
        #expect(try fixture.store.writeBlocking { db in try db.setupTokens.consume(tokenHash: "nope", at: now) } == false)
    }
}
