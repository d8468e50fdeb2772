import Foundation
import Testing
@testable import OfficinaApp

/// Personal return links: another device becomes the same participant; revoking or reissuing ends the
/// link and the devices opened with it; only the participant (or a facilitator) can issue one.
@Suite struct ReturnLinkTests {
    static func token(_ response: TestResponse) throws -> String {
        let url = try #require(response.json["url"]?.stringValue)
        return String(try #require(url.split(separator: "#").last))
    }

    @Test func aReturnLinkOpensTheSameParticipantOnAnotherDeviceUntilRevoked() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let issued = try await f.reader.post("/api/workshops/\(f.code)/return-link")
            #expect(issued.status == 201)
            #expect(issued.json["url"]?.stringValue?.contains("/back#") == true)
            let size = try #require(issued.json["qr"]?["size"]?.doubleValue)
            #expect(issued.json["qr"]?["rows"]?.arrayValue?.count == Int(size))
            let token = try Self.token(issued)

            let laptop = server.browser()
            let used = try await laptop.post("/api/return", ["token": .string(token)])
            #expect(used.status == 200)
            #expect(used.json["code"]?.stringValue == f.code)
            let me = try await laptop.get("/api/me?code=\(f.code)")
            #expect(me.json["participant"]?["name"] == "Reader")
            // The laptop acts as the reader: an offer made there is the reader's own.
            let offer = try await laptop.post("/api/workshops/\(f.code)/offers", ["kind": "time"])
            #expect(offer.status == 201)
            #expect(try await f.reader.get("/api/workshops/\(f.code)/offers").json["mine"]?.arrayValue?.count == 1)

            // A ballot from the laptop (whatever the phase answers, the laptop's voter lookup is now
            // cached, `AppContext.voters`): the revoke below must reach the ballot route too.
            let ballot: JSONValue = ["support": .object([])]
            #expect(try await laptop.put("/api/workshops/\(f.code)/ballot", ballot).errorCode != "not_participant")

            #expect(try await f.reader.delete("/api/workshops/\(f.code)/return-link").status == 204)
            #expect(try await laptop.get("/api/me?code=\(f.code)").json["participant"] == .null)
            let refused = try await laptop.put("/api/workshops/\(f.code)/ballot", ballot)
            #expect(refused.status == 403 && refused.errorCode == "not_participant")
            let again = try await server.browser().post("/api/return", ["token": .string(token)])
            #expect(again.status == 404 && again.errorCode == "return_link")
            // The original device is untouched.
            #expect(try await f.reader.get("/api/me?code=\(f.code)").json["participant"]?["name"] == "Reader")
        }
    }

    @Test func aFacilitatorReissueReplacesTheOldLink() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let old = try Self.token(try await f.reader.post("/api/workshops/\(f.code)/return-link"))
            let list = try await f.facilitator.get("/api/workshops/\(f.code)/participants")
            let reader = try #require(list.json["participants"]?.arrayValue?.first { $0["name"] == "Reader" })
            #expect(reader["returnLink"]?["active"] == true)
            let id = try #require(reader["id"]?.doubleValue).formatted(.number.grouping(.never))
            let reissued = try await f.facilitator.post("/api/participants/\(id)/return-link")
            #expect(reissued.status == 201)
            #expect(try await server.browser().post("/api/return", ["token": .string(old)]).status == 404)
            #expect(try await server.browser().post("/api/return", ["token": .string(try Self.token(reissued))]).status == 200)
        }
    }

    @Test func onlyTheParticipantOrAFacilitatorMayIssueLinks() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for browser in [f.anonymous, f.outsider, f.facilitator] {
                for method in ["GET", "POST", "DELETE"] {
                    let response = try await browser.request(method, "/api/workshops/\(f.code)/return-link")
                    #expect(response.status == 403, "\(method): \(response)")
                }
            }
            for browser in [f.anonymous, f.author] {
                #expect(try await browser.post("/api/participants/1/return-link").status == 401)
                #expect(try await browser.get("/api/workshops/\(f.code)/participants").status == 401)
            }
            #expect(try await f.facilitator.post("/api/participants/999999/return-link").status == 404)
            let guess = try await f.anonymous.post("/api/return", ["token": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
            #expect(guess.status == 404)
        }
    }
}
