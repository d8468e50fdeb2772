import Foundation
import Testing
@testable import OfficinaApp

/// The exports as a client downloads them: CSV (RFC 4180), the Excel variant, JSON and the
/// printable HTML report, for a workshop and for a whole programme.
@Suite(.timeLimit(.minutes(10))) struct ExportTests {
    /// A closed workshop with tricky titles and a few ballots.
    static func closedWorkshop(_ server: TestServer) async throws -> Fixture {
        let f = try await Fixture.make(server)
        let tricky = try await f.reader.post("/api/workshops/\(f.code)/proposals", [
            "title": "Città, \"perché\"; sì", "goals": ["space", "community"],
        ])
        try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "=HYPERLINK(\"http://evil\")"])
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
        let trickyID = Int64(try #require(tricky.json["id"]?.doubleValue))
        try await f.author.put("/api/workshops/\(f.code)/ballot", ["support": .object([(String(trickyID), 2)])])
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
        return f
    }

    @Test func csvIsRFC4180WithEveryRankedProposalAndSurvivesTrickyText() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            let csv = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=csv")
            #expect(csv.status == 200)
            #expect(csv.header("Content-Type")?.hasPrefix("text/csv") == true)
            #expect(csv.header("Content-Disposition")?.contains("attachment") == true)
            let text = csv.text
            #expect(!text.hasPrefix("\u{FEFF}"))
            #expect(text.contains("\r\n"))
            #expect(text.contains("\"Città, \"\"perché\"\"; sì\""))
            #expect(!text.contains(",=HYPERLINK"))
            #expect(text.contains("'=HYPERLINK"))
            #expect(text.components(separatedBy: "\r\n")[0].hasPrefix("posizione,id,proposta"))
            let english = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=csv&lang=en")
            let header = english.text.components(separatedBy: "\r\n")[0].lowercased()
            for column in ["rank", "proposal", "author", "overall", "supporters", "status"] { #expect(header.contains(column), "\(column)") }
        }
    }

    @Test func csvExcelHasABOMAndSemicolons() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            let csv = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=csv-excel")
            #expect(csv.status == 200)
            #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(csv.text.components(separatedBy: "\r\n")[0].contains(";"))
        }
    }

    @Test func jsonCarriesTheRankingAndThePhaseLog() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            let json = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=json")
            #expect(json.status == 200)
            let ranking = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            let exported = try #require(json.json["workshop"])
            #expect(exported["ranking"]?["entries"]?.arrayValue?.map { $0["id"] } == ranking.json["entries"]?.arrayValue?.map { $0["id"] })
            #expect(exported["phaseLog"]?.arrayValue?.count == 3)
        }
    }

    @Test func htmlIsAPrintableReportWithoutScriptAndWithEscapedText() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "collecting"])
            try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "<img src=x onerror=alert(1)>"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let html = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=html")
            #expect(html.status == 200)
            #expect(html.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(html.text.contains("<svg"))
            #expect(!html.text.contains("<img src=x"))
            #expect(!html.text.lowercased().contains("<script"))
            #expect(html.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
        }
    }

    @Test func everyFormatOfAClosedWorkshopWithZeroBallotsIsWellFormed() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let ranking = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            let ranked = try #require(ranking.json["entries"]?.arrayValue?.count)
            #expect(ranked > 0)
            #expect(ranking.json["counts"]?["ballots"] == 0)
            let types = ["csv": "text/csv", "csv-excel": "text/csv", "json": "application/json", "html": "text/html"]
            for (format, type) in types.sorted(by: { $0.key < $1.key }) {
                let response = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=\(format)")
                #expect(response.status == 200, "\(format)")
                #expect(response.header("Content-Type")?.hasPrefix(type) == true, "\(format)")
                #expect(response.text.contains("Biblioteca degli attrezzi"), "\(format)")
                // No division by zero leaked into the figures (Swift prints it as nan or inf).
                for bad in ["nan", "inf", "-inf", "NaN", "Infinity"] {
                    #expect(!response.text.contains("\(bad),") && !response.text.contains("\(bad);")
                        && !response.text.contains(">\(bad)<") && !response.text.contains(" \(bad) "), "\(format) shows \(bad)")
                }
            }
            // CSV: the table (a header and one row per ranked proposal), then a blank record and the
            // method's label–value records.
            let csv = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=csv")
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(Array(lines.prefix { !$0.isEmpty }).count == ranked + 1, "\(lines)")
            #expect(lines.dropFirst(ranked + 1).first == "")
            // JSON: the same ranking, every supporter count zero.
            let json = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=json")
            let exported = try #require(json.json["workshop"])
            #expect(exported["ranking"]?["counts"]?["ballots"] == 0)
            let entries = exported["ranking"]?["entries"]?.arrayValue ?? []
            #expect(entries.count == ranked)
            #expect(entries.allSatisfy { $0["support"]?["supporters"] == 0 })
            let programme = try await f.facilitator.get("/api/programmes/1/export?format=json")
            #expect(programme.status == 200)
        }
    }

    @Test func aBadFormatOrBadWeightsAreNamed() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            let format = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=pdf")
            #expect(format.status == 422)
            #expect(format.errorField == "format")
            for weights in ["space:-1", "moon:2", "space:0,partnerships:0,community:0", "space:abc"] {
                let response = try await f.anonymous.get("/api/workshops/\(f.code)/ranking?weights=\(weights)")
                #expect(response.status == 422, "\(weights)")
                #expect(response.errorCode == "weights", "\(weights)")
            }
        }
    }

    @Test func aWholeProgrammeExportsAndRollsUpPerGoal() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            for format in ["csv", "csv-excel", "json", "html"] {
                let response = try await f.facilitator.get("/api/programmes/1/export?format=\(format)")
                #expect(response.status == 200, "\(format)")
                #expect(!response.body.isEmpty)
            }
            let overview = try await f.facilitator.get("/api/programmes/1/overview")
            #expect(overview.status == 200)
            #expect(overview.json["goals"]?.arrayValue?.count == 3)
            #expect(overview.json["rollup"] != nil)
        }
    }

    @Test func theProgrammesGoalWeightsAreTheRankingsDefault() async throws {
        try await withServer { server in
            let f = try await Self.closedWorkshop(server)
            let before = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            #expect(before.json["weights"] == ["space": 1, "partnerships": 1, "community": 1])
            let programme = try await f.facilitator.get("/api/programmes/1")
            var goals = programme.json["goals"]?.arrayValue ?? []
            goals = goals.map { goal in
                .object([("key", goal["key"] ?? .null), ("label", goal["label"] ?? .null), ("weight", goal["key"] == "space" ? 3 : 1)])
            }
            let patched = try await f.facilitator.patch("/api/programmes/1", ["goals": .array(goals)])
            #expect(patched.status == 200)
            let after = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            #expect(after.json["weights"]?["space"] == 3)
            let overridden = try await f.anonymous.get("/api/workshops/\(f.code)/ranking?weights=space:1")
            #expect(overridden.json["weights"]?["space"] == 1)
            #expect(overridden.json["weights"]?["community"] == 1)
        }
    }
}
