import Foundation
import Testing
@testable import OfficinaApp

/// Ballot stuffing from afar (issue 10, Medium 6) and stale setup links (Low): join codes are for the
/// room, drafts cannot be joined, and only the newest setup link works, once, for an hour.
@Suite struct ExposureAttackTests {
    static func firstProgramme(_ response: TestResponse) -> JSONValue? {
        response.json["programmes"]?.items.first
    }

    @Test func theAnonymousProgrammeListingShowsNoJoinCodesAndNoDrafts() async throws {
        try await withServer { server in
            let facilitator = try await server.facilitator()
            let open = try server.seededCode(0)
            try await facilitator.post("/api/workshops/\(open)/phase", ["phase": "collecting"])
            let anonymous = try await server.browser().get("/api/programmes")
            #expect(anonymous.status == 200)
            let workshops = Self.firstProgramme(anonymous)?["workshops"]?.items ?? []
            #expect(workshops.count == 1)
            #expect(workshops.allSatisfy { $0["code"] == nil && $0["joinUrl"] == nil })
            #expect(!anonymous.text.contains(open))
            let programmeID = try #require(Self.firstProgramme(anonymous)?["id"]?.doubleValue)
            let one = try await server.browser().get("/api/programmes/\(Int(programmeID))")
            #expect(!one.text.contains(open) && !one.text.contains("joinUrl"))
            // Facilitators see every workshop with its code.
            let full = try await facilitator.get("/api/programmes")
            let all = Self.firstProgramme(full)?["workshops"]?.items ?? []
            #expect(all.count == 5)
            #expect(all.allSatisfy { $0["code"]?.stringValue?.count == 6 })
        }
    }

    @Test func joiningADraftIsRefusedWithPhase() async throws {
        try await withServer { server in
            let draft = try server.seededCode(2)
            let joiner = server.browser()
            let response = try await joiner.post("/api/join", ["code": .string(draft), "name": "Troppo presto"])
            #expect(response.status == 409)
            #expect(response.errorCode == "phase")
            #expect(joiner.cookies.isEmpty)
            let participants = try server.store.read { db in try db.query("SELECT count(*) FROM participants", []) { $0.int(0) } }
            #expect(participants == [0])
        }
    }

    @Test func anEarlierSetupLinkStopsWorkingWhenTheServerStartsAgain() async throws {
        try await withServer { server in
            _ = try server.store.writeBlocking { try $0.execute("DELETE FROM facilitators") }
            let base = "http://127.0.0.1:\(server.port)"
            let first = try #require(try server.application.prepareSetupLink(baseURL: base)).split(separator: "=").last.map(String.init)
            let second = try #require(try server.application.prepareSetupLink(baseURL: base)).split(separator: "=").last.map(String.init)
            let stale = try await server.browser().post("/api/setup", ["token": .string(first ?? ""), "username": "mallory", "password": "a long passphrase"])
            #expect(stale.status == 403)
            let fresh = try await server.browser().post("/api/setup", ["token": .string(second ?? ""), "username": "giulia", "password": "a long passphrase"])
            #expect(fresh.status == 201)
            let left = try server.store.read { db in try db.query("SELECT count(*) FROM setup_tokens", []) { $0.int(0) } }
            #expect(left == [0])
        }
    }

    @Test func aSetupLinkIsValidForOneHour() async throws {
        try await withServer { server in
            _ = try server.store.writeBlocking { try $0.execute("DELETE FROM facilitators") }
            _ = try server.application.prepareSetupLink(baseURL: "http://127.0.0.1:\(server.port)")
            let lifetimes = try server.store.read { db in
                try db.query("SELECT expires_at - created_at FROM setup_tokens", []) { $0.double(0) }
            }
            #expect(lifetimes.count == 1)
            #expect(abs((lifetimes.first ?? 0) - 3_600) < 1)
        }
    }
}

extension JSONValue {
    /// The elements of an array; empty for anything else.
    var items: [JSONValue] {
        if case let .array(values) = self { return values }
        return []
    }
}
