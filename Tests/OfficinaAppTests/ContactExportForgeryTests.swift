import Foundation
import Testing
@testable import OfficinaApp

/// The contact export writes the export log, so it is a POST under the Origin check: a page on
/// another site that makes a signed-in facilitator's browser follow a link, load an image or submit
/// a form to it must not add a false entry to the log (it could never read the file either).
@Suite struct ContactExportForgeryTests {
    static func exportCount(_ f: Fixture, _ programme: String) async throws -> Int {
        let log = try await f.facilitator.get("/api/programmes/\(programme)/contact-exports")
        return try #require(log.json["exports"]?.arrayValue).count
    }

    @Test func aCrossSiteGetOfTheExportAddressRecordsNothingAndIsRefusedWith405() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await PeopleTests.seed(f)
            let programme = try await PeopleTests.programme(f)
            let path = "/api/programmes/\(programme)/contacts"
            // The old link's address, followed from another site with the facilitator's cookie (a
            // top-level navigation carries it under SameSite=Lax), and the same from the console itself.
            let navigation = try await f.facilitator.get("\(path)?format=csv&workshop=\(f.code)", headers: [
                ("Referer", "https://evil.example/page"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"),
            ])
            let sameSite = try await f.facilitator.get("\(path)?format=vcard")
            let head = try await f.facilitator.request("HEAD", path)
            for response in [navigation, sameSite] {
                #expect(response.status == 405, "\(response)")
                #expect(response.errorCode == "method_not_allowed")
                #expect(response.json["error"]?["message"]?.stringValue?.isEmpty == false)
                #expect(response.header("Allow") == "POST")
                #expect(!response.text.contains("reader@example.org"))
            }
            #expect(head.status == 405 && head.header("Allow") == "POST")
            #expect(try await Self.exportCount(f, programme) == 0)
        }
    }

    @Test func aPostFromAnotherOriginIsRefusedAndRecordsNothing() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await PeopleTests.seed(f)
            let programme = try await PeopleTests.programme(f)
            let path = "/api/programmes/\(programme)/contacts"
            let body: JSONValue = ["format": "csv"]
            for origin in ["https://evil.example", "null", "http://127.0.0.1:\(server.port).evil.example", nil] {
                let forged = try await f.facilitator.request("POST", path, body: body.bytes, origin: origin)
                #expect(forged.status == 403, "\(origin ?? "no Origin"): \(forged)")
                #expect(forged.errorCode == "origin")
                #expect(!forged.text.contains("reader@example.org"))
            }
            // A form on another site posts a body that is not even JSON: refused before it is read.
            let form = try await f.facilitator.request("POST", path, body: Array("format=csv".utf8), origin: "https://evil.example")
            #expect(form.status == 403 && form.errorCode == "origin")
            #expect(try await Self.exportCount(f, programme) == 0)
        }
    }

    @Test func aPostFromTheConsoleOriginAnswersTheFileAndRecordsOneEntry() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await PeopleTests.seed(f)
            let programme = try await PeopleTests.programme(f)
            let path = "/api/programmes/\(programme)/contacts"
            let csv = try await f.facilitator.post(path, ["format": "csv", "workshop": .string(f.code)])
            #expect(csv.status == 200, "\(csv)")
            #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(csv.header("Content-Disposition")?.hasPrefix("attachment") == true)
            #expect(csv.header("Content-Disposition")?.contains("officina-contacts-\(programme).csv") == true)
            #expect(csv.header("Cache-Control") == "no-store")
            #expect(csv.text.contains("reader@example.org"))
            let log = try await f.facilitator.get("/api/programmes/\(programme)/contact-exports")
            let records = try #require(log.json["exports"]?.arrayValue)
            #expect(records.count == 1)
            #expect(records.first?["format"] == "csv" && records.first?["workshop"]?.stringValue == f.code)
            #expect(records.first?["by"] == "facilitator" && records.first?["contacts"] == 1)
            // An empty body is the whole programme as CSV: one more entry, no workshop.
            let whole = try await f.facilitator.request("POST", path)
            #expect(whole.status == 200 && whole.text.contains("reader@example.org"))
            let after = try await f.facilitator.get("/api/programmes/\(programme)/contact-exports")
            #expect(after.json["exports"]?.arrayValue?.count == 2)
            #expect(after.json["exports"]?.arrayValue?.first?["workshop"] == .null)
        }
    }
}
