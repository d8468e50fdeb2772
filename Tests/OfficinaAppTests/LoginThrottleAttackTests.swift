import Foundation
import OfficinaCore
import Testing
@testable import OfficinaApp

/// Password guessing against `POST /api/session` and `POST /api/setup` (issue 10, Medium 1 and 2):
/// racing the throttle with concurrent requests, and using it to lock a facilitator out.
@Suite struct LoginThrottleAttackTests {
    static func credentials(_ username: String, _ password: String) -> JSONValue {
        ["username": .string(username), "password": .string(password)]
    }

    /// Sends all `bodies` to `path` at once, each from a fresh browser (no cookies), and returns the statuses.
    static func burst(_ server: TestServer, _ path: String, _ bodies: [JSONValue]) async throws -> [Int] {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for body in bodies {
                group.addTask { try await server.browser().post(path, body).status }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func sixtyConcurrentLoginsFromANewAddressCheckAtMostFivePasswords() async throws {
        try await withServer { server in
            // A costly hash, so that every request is in flight before the first check ends.
            let hash = try PasswordHash.create(password: "the right passphrase", iterations: 20_000).encoded
            _ = try server.store.writeBlocking { try $0.facilitators.create(username: "target", passwordHash: hash) }
            var bodies = (0..<59).map { Self.credentials("target", "wrong guess \($0)") }
            bodies.insert(Self.credentials("target", "the right passphrase"), at: 30)
            let statuses = try await Self.burst(server, "/api/session", bodies)
            #expect(statuses.count == 60)
            #expect(statuses.allSatisfy { [200, 401, 429].contains($0) }, "\(statuses)")
            // At most five wrong passwords are checked; the right one may be checked besides them
            // (a success gives its allowance back, failures never do).
            #expect(statuses.filter { $0 == 401 }.count <= 5, "\(statuses.sorted())")
            #expect(statuses.filter { $0 != 429 }.count <= 6, "\(statuses.sorted())")
            #expect(statuses.filter { $0 == 429 }.count >= 54)
        }
    }

    @Test func concurrentSetupGuessesAreReservedBeforeHashing() async throws {
        try await withServer { server in
            _ = try server.store.writeBlocking { try $0.execute("DELETE FROM facilitators") }
            _ = try server.application.prepareSetupLink(baseURL: "http://127.0.0.1:\(server.port)")
            let bodies = (0..<30).map { index -> JSONValue in
                ["token": .string("guess-\(index)"), "username": "mallory", "password": "a long passphrase"]
            }
            let statuses = try await Self.burst(server, "/api/setup", bodies)
            #expect(statuses.filter { $0 == 403 }.count <= 5, "\(statuses.sorted())")
            #expect(statuses.filter { $0 == 429 }.count >= 25)
        }
    }

    @Test func aStrangersFailuresOnTheSameAddressDoNotKeepOutAFacilitatorWhoSignedInThereBefore() async throws {
        try await withServer { server in
            let facilitator = try await server.facilitator()
            #expect(facilitator.cookies["officina_device"] != nil)
            try await facilitator.delete("/api/session")
            // A stranger on the same address (the same Wi-Fi, or one proxy) guesses the account.
            var stranger: [Int] = []
            for index in 0..<8 {
                stranger.append(try await server.browser().post("/api/session", Self.credentials(TestServer.username, "guess \(index)")).status)
            }
            #expect(stranger == [401, 401, 401, 401, 401, 429, 429, 429])
            // The facilitator's browser still gets in with the right password...
            let back = try await facilitator.post("/api/session", Self.credentials(TestServer.username, TestServer.password))
            #expect(back.status == 200)
            // ...while guessing from a browser that never signed in stays throttled.
            let fresh = try await server.browser().post("/api/session", Self.credentials(TestServer.username, TestServer.password))
            #expect(fresh.status == 429)
            #expect(Int(fresh.header("Retry-After") ?? "") ?? 0 >= 1)
        }
    }

    @Test func aForgedDeviceCookieGivesNoLaneOfItsOwn() async throws {
        try await withServer { server in
            for index in 0..<5 {
                try await server.browser().post("/api/session", Self.credentials(TestServer.username, "guess \(index)"))
            }
            let forger = server.browser()
            forger.setCookie("officina_device", String(repeating: "A", count: 43))
            #expect(try await forger.post("/api/session", Self.credentials(TestServer.username, "guess 6")).status == 429)
        }
    }

    @Test func sprayingManyUsernamesFromOneAddressIsStillLimited() async throws {
        try await withServer { server in
            var statuses: [Int] = []
            for index in 0..<24 {
                statuses.append(try await server.browser().post("/api/session", Self.credentials("user\(index)", "guess")).status)
            }
            // Five per username, twenty per address in all.
            #expect(statuses.prefix(20).allSatisfy { $0 == 401 })
            #expect(statuses.suffix(4).allSatisfy { $0 == 429 })
        }
    }
}
