import Foundation
import Testing
@testable import OfficinaApp

/// What the results package carries: the weights in effect, each proposal's description and build-ons,
/// goal labels (never keys) in the report's language, hidden and merged proposals with their status for
/// the facilitator, and never the text of a hidden proposal in the public files.
@Suite struct ExportContentTests {
    static func closed(_ server: TestServer) async throws -> (Fixture, hidden: Int64) {
        let f = try await Fixture.make(server)
        try await f.author.patch("/api/proposals/\(f.proposalID)", ["body": "Attrezzi in prestito per tutto il quartiere."])
        try await f.reader.post("/api/proposals/\(f.proposalID)/buildons", ["text": "Anche corsi serali per usarli"])
        let secret = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Segreto da nascondere", "body": "testo riservato"])
        let hidden = Int64(try #require(secret.json["id"]?.doubleValue))
        try await f.facilitator.patch("/api/proposals/\(hidden)", ["status": "hidden", "reason": "fuori tema"])
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
        return (f, hidden)
    }

    @Test func everyFormatCarriesDescriptionsBuildOnsAndGoalLabels() async throws {
        try await withServer { server in
            let (f, _) = try await Self.closed(server)
            let csv = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=csv&lang=en").text
            let header = csv.components(separatedBy: "\r\n")[0]
            #expect(header.contains("description"))
            #expect(header.contains("build-on texts"))
            #expect(!header.contains("space score"))
            #expect(header.lowercased().contains("identify a space"), "\(header)")
            #expect(csv.contains("Attrezzi in prestito per tutto il quartiere."))
            #expect(csv.contains("Anche corsi serali per usarli"))
            let html = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=html&lang=it").text
            #expect(html.contains("Attrezzi in prestito per tutto il quartiere."))
            #expect(html.contains("Anche corsi serali per usarli"))
            #expect(html.contains("Identificare uno spazio"))
            #expect(!html.contains("<th class=\"n\">space</th>"))
            let json = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=json").json
            #expect(json["workshop"]?["details"]?[String(f.proposalID)]?["description"] == "Attrezzi in prestito per tutto il quartiere.")
        }
    }

    @Test func theFacilitatorsExportsCarryTheMergeAuditAndPublicOnesDoNot() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let twin = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Biblioteca attrezzi bis"])
            let twinID = Int64(try #require(twin.json["id"]?.doubleValue))
            try await f.facilitator.post("/api/proposals/\(twinID)/merge", ["into": .int(Int(f.proposalID))])
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let json = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=json").json
            let merge = try #require(json["workshop"]?["merges"]?.arrayValue?.first)
            #expect(merge["from"]?.doubleValue == Double(twinID))
            #expect(merge["by"] == "facilitator")
            let html = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=html&lang=en").text
            #expect(html.contains("<section class=\"merges\">"))
            let csv = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=csv&lang=en").text
            #expect(csv.contains("Merges of duplicates,#\(twinID),#\(f.proposalID),facilitator"))
            let open = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=json").json
            #expect(open["workshop"]?["merges"] == nil || open["workshop"]?["merges"] == .null)
        }
    }

    @Test func theWeightsInTheLinkAreTheWeightsTheReportStates() async throws {
        try await withServer { server in
            let (f, _) = try await Self.closed(server)
            let html = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=html&lang=en&weights=space:3,partnerships:0.5,community:1").text
            let method = html.components(separatedBy: "<section class=\"method\">").last ?? ""
            #expect(method.contains("3.00"), "\(method.prefix(2000))")
            #expect(method.contains("0.50"))
            let json = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=json&weights=space:3,partnerships:0.5,community:1").json
            #expect(json["workshop"]?["ranking"]?["weights"]?["space"] == 3)
        }
    }

    @Test func theFacilitatorsFileListsHiddenProposalsAndThePublicOneNeverShowsTheirText() async throws {
        try await withServer { server in
            let (f, hidden) = try await Self.closed(server)
            for format in ["csv", "csv-excel", "json", "html"] {
                let own = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=\(format)&lang=en").text
                #expect(own.contains("Segreto da nascondere"), "\(format): the facilitator's file lists the hidden proposal")
                #expect(own.contains("hidden"), "\(format)")
                let open = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=\(format)&lang=en")
                #expect(open.status == 200)
                #expect(!open.text.contains("Segreto da nascondere"), "\(format): public file leaks a hidden title")
                #expect(!open.text.contains("testo riservato"), "\(format): public file leaks a hidden body")
                #expect(open.text.contains("\(hidden)"), "\(format): the hidden proposal is still accounted for by id")
            }
            let ranking = try await f.anonymous.get("/api/workshops/\(f.code)/ranking").text
            #expect(!ranking.contains("Segreto da nascondere"))
        }
    }
}
