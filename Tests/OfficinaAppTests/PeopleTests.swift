import Foundation
import Testing
@testable import OfficinaApp

/// People and partners: facilitators only; consenting contacts only in views and exports; every
/// contact export recorded with who and when.
@Suite struct PeopleTests {
    static func seed(_ f: Fixture) async throws {
        #expect(try await f.reader.post("/api/workshops/\(f.code)/offers", ["kind": "space", "proposalId": .integer(f.proposalID), "organisation": "Coop Aurora",
                                                                            "contact": "reader@example.org", "consent": true]).status == 201)
        #expect(try await f.reader.post("/api/workshops/\(f.code)/offers", ["kind": "skills", "organisation": "coop aurora"]).status == 201)
        #expect(try await f.author.post("/api/workshops/\(f.code)/offers", ["kind": "time", "proposalId": .integer(f.proposalID)]).status == 201)
    }

    static func programme(_ f: Fixture) async throws -> String {
        let workshop = try await f.anonymous.get("/api/workshops/\(f.code)")
        return try #require(workshop.json["programmeId"]?.doubleValue).formatted(.number.grouping(.never))
    }

    @Test func onlyFacilitatorsSeePeopleAndExportContacts() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let programme = try await Self.programme(f)
            let paths = ["/api/workshops/\(f.code)/people", "/api/programmes/\(programme)/people", "/api/programmes/\(programme)/contact-exports"]
            for browser in [f.anonymous, f.author, f.outsider] {
                for path in paths {
                    let response = try await browser.get(path)
                    #expect(response.status == 401, "\(path): \(response)")
                }
                let export = try await browser.post("/api/programmes/\(programme)/contacts", ["format": "csv"])
                #expect(export.status == 401, "\(export)")
            }
            #expect(try await f.facilitator.get("/api/programmes/999999/people").status == 404)
            #expect(try await f.facilitator.post("/api/programmes/999999/contacts").status == 404)
            let pdf = try await f.facilitator.post("/api/programmes/\(programme)/contacts", ["format": "pdf"])
            #expect(pdf.status == 422 && pdf.errorCode == "format")
            let badCode = try await f.facilitator.post("/api/programmes/\(programme)/contacts", ["workshop": "nope"])
            #expect(badCode.status == 422 && badCode.errorCode == "workshop")
            let unknown = try await f.facilitator.post("/api/programmes/\(programme)/contacts", ["format": "csv", "extra": true])
            #expect(unknown.status == 422 && unknown.errorCode == "unknown_field")
            let elsewhere = try await f.facilitator.post("/api/programmes/\(programme)/contacts", ["workshop": "AAAAAA"])
            #expect(elsewhere.status == 404, "\(elsewhere)")
            // None of the refused requests left an entry in the log.
            let log = try await f.facilitator.get("/api/programmes/\(programme)/contact-exports")
            #expect(log.json["exports"]?.arrayValue?.count == 0)
        }
    }

    @Test func thePeopleViewGroupsOffersByKindGoalProposalAndOrganisation() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await Self.seed(f)
            let people = try await f.facilitator.get("/api/workshops/\(f.code)/people")
            #expect(people.status == 200)
            #expect(people.json["totals"]?["offers"] == 3 && people.json["totals"]?["people"] == 2 && people.json["totals"]?["reachable"] == 1)
            let byKind = people.json["byKind"]?.arrayValue ?? []
            #expect(byKind.first { $0["key"] == "space" }?["count"] == 1 && byKind.first { $0["key"] == "funding" }?["count"] == 0)
            #expect(people.json["byGoal"]?.arrayValue?.first { $0["key"] == "community" }?["count"] == 2)
            #expect(people.json["byProposal"]?.arrayValue?.first?["count"] == 2)
            #expect(people.json["byProposal"]?.arrayValue?.first?["kinds"] == ["time", "space"])
            #expect(people.json["organisations"]?.arrayValue?.count == 1)
            #expect(people.json["organisations"]?.arrayValue?.first?["offers"] == 2)
            #expect(people.json["reachable"]?.arrayValue?.first?["contact"]?["value"] == "reader@example.org")
            let programme = try await Self.programme(f)
            let all = try await f.facilitator.get("/api/programmes/\(programme)/people")
            #expect(all.json["totals"]?["offers"] == 3)
        }
    }

    @Test func contactExportsHoldConsentingPeopleOnlyAndAreRecorded() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await Self.seed(f)
            let programme = try await Self.programme(f)
            let csv = try await f.facilitator.post("/api/programmes/\(programme)/contacts", ["format": "csv"])
            #expect(csv.status == 200)
            #expect(csv.header("Content-Disposition")?.contains("officina-contacts-") == true)
            #expect(csv.text.contains("reader@example.org"))
            #expect(!csv.text.contains("Author"))
            let vcard = try await f.facilitator.post("/api/programmes/\(programme)/contacts", ["format": "vcard", "workshop": .string(f.code)])
            #expect(vcard.text.hasPrefix("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Reader\r\n"))
            #expect(vcard.text.contains("EMAIL:reader@example.org"))
            #expect(vcard.text.components(separatedBy: "BEGIN:VCARD").count == 2)
            let log = try await f.facilitator.get("/api/programmes/\(programme)/contact-exports")
            let records = log.json["exports"]?.arrayValue ?? []
            #expect(records.count == 2)
            #expect(records.first?["format"] == "vcard" && records.first?["workshop"]?.stringValue == f.code)
            #expect(records.first?["by"] == "facilitator" && records.first?["contacts"] == 1)
            // Withdrawing consent takes the person out of the next export.
            let mine = try await f.reader.get("/api/workshops/\(f.code)/offers")
            let id = try #require(mine.json["mine"]?.arrayValue?.first { $0["contact"] != .null }?["id"]?.doubleValue).formatted(.number.grouping(.never))
            #expect(try await f.reader.patch("/api/offers/\(id)", ["consent": false]).status == 200)
            #expect(!(try await f.facilitator.post("/api/programmes/\(programme)/contacts")).text.contains("reader@"))
        }
    }
}
