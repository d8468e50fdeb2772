import Foundation
import Testing
@testable import OfficinaApp

/// Offers of help: who may make, edit and withdraw them; the consent a contact needs; contacts never
/// reaching anyone but their author; withdrawals reaching live streams at once.
@Suite struct OfferTests {
    static func offer(_ f: Fixture, _ browser: Browser, _ body: JSONValue) async throws -> TestResponse {
        try await browser.post("/api/workshops/\(f.code)/offers", body)
    }

    @Test func onlyParticipantsOfTheWorkshopMayOfferHelp() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let body: JSONValue = ["kind": "skills", "proposalId": .integer(f.proposalID)]
            for browser in [f.anonymous, f.outsider, f.facilitator] {
                let response = try await Self.offer(f, browser, body)
                #expect(response.status == 403, "\(response)")
                #expect(response.errorCode == "not_participant")
            }
            #expect(try await Self.offer(f, f.reader, body).status == 201)
        }
    }

    @Test func onlyTheAuthorMayEditOrWithdrawAnOffer() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let made = try await Self.offer(f, f.reader, ["kind": "time", "note": "Il sabato"])
            let id = try #require(made.json["id"]?.doubleValue).formatted(.number.grouping(.never))
            for browser in [f.author, f.outsider, f.anonymous, f.facilitator] {
                let edit = try await browser.patch("/api/offers/\(id)", ["note": "Cambiata"])
                #expect(edit.status == 403, "\(edit)")
                let withdraw = try await browser.delete("/api/offers/\(id)")
                #expect(withdraw.status == 403, "\(withdraw)")
            }
            #expect(try await f.reader.patch("/api/offers/999999", ["note": "x"]).status == 404)
            let edited = try await f.reader.patch("/api/offers/\(id)", ["note": "La domenica", "kind": "skills"])
            #expect(edited.status == 200)
            #expect(edited.json["note"] == "La domenica" && edited.json["kind"] == "skills")
            #expect(try await f.reader.delete("/api/offers/\(id)").status == 204)
            #expect(try await f.reader.delete("/api/offers/\(id)").status == 404)
        }
    }

    @Test func aContactIsKeptOnlyWithExplicitConsentAndAMalformedOneIsRefusedByField() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let missing = try await Self.offer(f, f.reader, ["kind": "skills", "contact": "giulia@example.org"])
            #expect(missing.status == 422)
            #expect(missing.errorField == "consent" && missing.errorCode == "consent_required")
            let refused = try await Self.offer(f, f.reader, ["kind": "skills", "contact": "giulia@example.org", "consent": false])
            #expect(refused.status == 422 && refused.errorField == "consent")
            let malformed = try await Self.offer(f, f.reader, ["kind": "skills", "contact": "chiamami", "consent": true])
            #expect(malformed.status == 422)
            #expect(malformed.errorField == "contact")
            #expect(malformed.json["error"]?["message"]?.stringValue?.contains("not an email or phone number") == true)
            let unknownKind = try await Self.offer(f, f.reader, ["kind": "magic"])
            #expect(unknownKind.status == 422 && unknownKind.errorField == "kind")
            #expect(try await f.reader.get("/api/workshops/\(f.code)/offers").json["summary"]?["total"] == 0)

            let made = try await Self.offer(f, f.reader, ["kind": "skills", "contact": "Giulia@Example.org", "consent": true, "organisation": "Coop"])
            #expect(made.status == 201)
            #expect(made.json["contact"]?["value"] == "Giulia@example.org")
            #expect(made.json["consent"]?["version"] == "offer-contact-1")
            #expect(made.json["consent"]?["at"]?.stringValue != nil)
            let id = try #require(made.json["id"]?.doubleValue).formatted(.number.grouping(.never))
            // Replacing the contact needs consent again; removing it does not.
            let replaced = try await f.reader.patch("/api/offers/\(id)", ["contact": "+39 011 123456"])
            #expect(replaced.status == 422 && replaced.errorField == "consent")
            let removed = try await f.reader.patch("/api/offers/\(id)", ["contact": .null])
            #expect(removed.status == 200 && removed.json["contact"] == .null && removed.json["consent"] == .null)
        }
    }

    @Test func contactsNeverReachOtherParticipantsPublicPagesOrTheProposalList() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let made = try await Self.offer(f, f.reader, ["kind": "space", "proposalId": .integer(f.proposalID), "contact": "segreta@example.org", "consent": true])
            #expect(made.status == 201)
            let mine = try await f.reader.get("/api/workshops/\(f.code)/offers")
            #expect(mine.json["mine"]?.arrayValue?.first?["contact"]?["value"] == "segreta@example.org")
            for browser in [f.author, f.anonymous, f.outsider, f.facilitator] {
                for path in ["/api/workshops/\(f.code)/offers", "/api/workshops/\(f.code)/proposals", "/api/workshops/\(f.code)"] {
                    let response = try await browser.get(path)
                    #expect(response.status == 200)
                    #expect(!response.text.contains("segreta"), "\(path)")
                }
            }
            let summary = try await f.anonymous.get("/api/workshops/\(f.code)/offers")
            #expect(summary.json["summary"]?["proposals"]?[String(f.proposalID)]?["count"] == 1)
            #expect(summary.json["summary"]?["proposals"]?[String(f.proposalID)]?["kinds"] == ["space"])
            #expect(summary.json["mine"]?.arrayValue?.isEmpty == true)
            #expect(summary.json["kinds"]?.arrayValue?.count == 6)
            #expect(summary.json["consent"]?["text"]?["en"]?.stringValue?.contains("facilitators") == true)
        }
    }

    @Test func aWithdrawalReachesOpenLiveStreamsAndStreamsNeverCarryContacts() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.facilitator.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.isEmpty })
            let made = try await Self.offer(f, f.reader, ["kind": "time", "proposalId": .integer(f.proposalID), "contact": "+39 333 1234567", "consent": true])
            let id = try #require(made.json["id"]?.doubleValue).formatted(.number.grouping(.never))
            #expect(await stream.wait { $0.contains { $0.name == "offers" && $0.json["total"] == 1 } })
            #expect(try await f.reader.delete("/api/offers/\(id)").status == 204)
            #expect(await stream.wait { $0.contains { $0.name == "offers" && $0.json["total"] == 0 } })
            #expect(!stream.events.contains { $0.data.contains("3331234567") || $0.data.contains("Reader") })
        }
    }

    @Test func offersOpenWithTheWorkshopAndOnlyOnItsOwnVisibleProposals() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "draft"])
            let early = try await Self.offer(f, f.reader, ["kind": "time"])
            #expect(early.status == 409 && early.errorCode == "phase")
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            // After closing is when many decide to help.
            #expect(try await Self.offer(f, f.reader, ["kind": "time"]).status == 201)
            let elsewhere = try await f.outsider.post("/api/workshops/\(f.otherCode)/offers", ["kind": "time", "proposalId": .integer(f.proposalID)])
            #expect(elsewhere.status == 422 && elsewhere.errorField == "proposalId")
        }
    }

    @Test func aParticipantHoldsAtMostTwentyOffers() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for _ in 0..<20 { #expect(try await Self.offer(f, f.reader, ["kind": "time"]).status == 201) }
            let over = try await Self.offer(f, f.reader, ["kind": "time"])
            #expect(over.status == 409 && over.errorCode == "quota")
        }
    }
}
