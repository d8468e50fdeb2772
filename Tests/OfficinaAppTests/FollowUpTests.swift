import Foundation
import Testing
@testable import OfficinaApp

/// Follow-up: only facilitators shape actions, only after closing; anyone reads them; dropped needs a
/// reason; notes are dated; the programme page counts actions per goal; exports carry them.
@Suite struct FollowUpTests {
    static func closed(_ server: TestServer) async throws -> Fixture {
        let f = try await Fixture.make(server)
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
        try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
        return f
    }

    static func id(_ response: TestResponse) throws -> String {
        try #require(response.json["id"]?.doubleValue).formatted(.number.grouping(.never))
    }

    @Test func onlyFacilitatorsMayCreateEditNoteOrDeleteActions() async throws {
        try await withServer { server in
            let f = try await Self.closed(server)
            let made = try await f.facilitator.post("/api/workshops/\(f.code)/actions", ["proposalId": .integer(f.proposalID)])
            #expect(made.status == 201)
            let id = try Self.id(made)
            let attempts: [(String, String, JSONValue?)] = [
                ("POST", "/api/workshops/\(f.code)/actions", ["title": "Di nascosto"]),
                ("POST", "/api/workshops/\(f.code)/actions/shortlist", nil),
                ("PATCH", "/api/actions/\(id)", ["status": "done"]),
                ("POST", "/api/actions/\(id)/notes", ["text": "Fatto"]),
                ("DELETE", "/api/actions/\(id)", nil),
            ]
            for browser in [f.anonymous, f.author, f.outsider] {
                for (method, path, body) in attempts {
                    let response = try await browser.request(method, path, body: body?.bytes)
                    #expect(response.status == 401, "\(method) \(path): \(response)")
                }
            }
            let action = try await f.anonymous.get("/api/workshops/\(f.code)/actions")
            #expect(action.json["actions"]?.arrayValue?.first?["status"] == "planned")
            #expect(action.json["actions"]?.arrayValue?.first?["title"] == "Biblioteca degli attrezzi")
        }
    }

    @Test func actionsStartOnlyOnceTheWorkshopIsClosed() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let early = try await f.facilitator.post("/api/workshops/\(f.code)/actions", ["title": "Troppo presto"])
            #expect(early.status == 409 && early.errorCode == "phase")
            let shortlist = try await f.facilitator.post("/api/workshops/\(f.code)/actions/shortlist")
            #expect(shortlist.status == 409)
        }
    }

    @Test func theShortlistBecomesPlannedActionsOnceAndStatusesFollowTheRules() async throws {
        try await withServer { server in
            let f = try await Self.closed(server)
            let first = try await f.facilitator.post("/api/workshops/\(f.code)/actions/shortlist")
            #expect(first.status == 201)
            #expect(first.json["actions"]?.arrayValue?.count == 1)
            let again = try await f.facilitator.post("/api/workshops/\(f.code)/actions/shortlist")
            #expect(again.json["actions"]?.arrayValue?.isEmpty == true)
            let id = try #require(first.json["actions"]?.arrayValue?.first?["id"]?.doubleValue).formatted(.number.grouping(.never))

            let going = try await f.facilitator.patch("/api/actions/\(id)", ["status": "in_progress", "owner": "Giulia", "nextStep": "Sentire il quartiere", "due": "2027-03-15"])
            #expect(going.status == 200)
            #expect(going.json["status"] == "in_progress" && going.json["owner"]?["name"] == "Giulia" && going.json["due"] == "2027-03-15")
            let noReason = try await f.facilitator.patch("/api/actions/\(id)", ["status": "dropped"])
            #expect(noReason.status == 422 && noReason.errorField == "reason")
            let badDay = try await f.facilitator.patch("/api/actions/\(id)", ["due": "2027-02-30"])
            #expect(badDay.status == 422 && badDay.errorField == "due")
            let badStatus = try await f.facilitator.patch("/api/actions/\(id)", ["status": "finished"])
            #expect(badStatus.status == 422 && badStatus.errorField == "status")
            let dropped = try await f.facilitator.patch("/api/actions/\(id)", ["status": "dropped", "reason": "Nessuno spazio disponibile"])
            #expect(dropped.json["status"] == "dropped" && dropped.json["reason"] == "Nessuno spazio disponibile")
            let reopened = try await f.facilitator.patch("/api/actions/\(id)", ["status": "planned"])
            #expect(reopened.json["reason"] == "")

            #expect(try await f.facilitator.post("/api/actions/\(id)/notes", ["text": "Primo incontro", "date": "2027-01-10"]).status == 201)
            #expect(try await f.facilitator.post("/api/actions/\(id)/notes", ["text": "Secondo incontro", "date": "2027-02-01"]).status == 201)
            let bad = try await f.facilitator.post("/api/actions/\(id)/notes", ["text": "x", "date": "ieri"])
            #expect(bad.status == 422 && bad.errorField == "date")
            let list = try await f.anonymous.get("/api/workshops/\(f.code)/actions")
            #expect(list.json["actions"]?.arrayValue?.first?["lastNote"]?["text"] == "Secondo incontro")
            #expect(list.json["actions"]?.arrayValue?.first?["notes"]?.arrayValue?.count == 2)
        }
    }

    @Test func theOwnerMayBeAParticipantWhoOfferedHelpAndNoOneElse() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let offer = try await f.reader.post("/api/workshops/\(f.code)/offers", ["kind": "time", "proposalId": .integer(f.proposalID)])
            #expect(offer.status == 201)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let me = try await f.reader.get("/api/me?code=\(f.code)")
            let readerID = try #require(me.json["participant"]?["id"]?.doubleValue)
            let authorID = try #require(try await f.author.get("/api/me?code=\(f.code)").json["participant"]?["id"]?.doubleValue)
            let refused = try await f.facilitator.post("/api/workshops/\(f.code)/actions", ["title": "A", "ownerParticipantId": .integer(Int64(authorID))])
            #expect(refused.status == 422 && refused.errorField == "ownerParticipantId")
            let made = try await f.facilitator.post("/api/workshops/\(f.code)/actions", ["title": "A", "ownerParticipantId": .integer(Int64(readerID))])
            #expect(made.status == 201)
            #expect(made.json["owner"]?["name"] == "Reader")
        }
    }

    @Test func theProgrammePageCountsActionsPerGoalAndExportsCarryThem() async throws {
        try await withServer { server in
            let f = try await Self.closed(server)
            let made = try await f.facilitator.post("/api/workshops/\(f.code)/actions", ["proposalId": .integer(f.proposalID), "owner": "Comitato"])
            let id = try Self.id(made)
            try await f.facilitator.patch("/api/actions/\(id)", ["status": "done"])
            try await f.facilitator.post("/api/actions/\(id)/notes", ["text": "Inaugurata a maggio"])
            let workshop = try await f.anonymous.get("/api/workshops/\(f.code)")
            let programme = try #require(workshop.json["programmeId"]?.doubleValue).formatted(.number.grouping(.never))
            let page = try await f.anonymous.get("/api/programmes/\(programme)/follow-up")
            #expect(page.status == 200)
            #expect(page.json["perGoal"]?["community"]?["done"] == 1)
            #expect(page.json["perGoal"]?["space"]?["done"] == 0)
            let shown = page.json["workshops"]?.arrayValue?.first { $0["code"]?.stringValue == f.code }
            #expect(shown?["actions"]?.arrayValue?.first?["lastNote"]?["text"] == "Inaugurata a maggio")

            let overview = try await f.facilitator.get("/api/programmes/\(programme)/overview")
            #expect(overview.json["actionsPerGoal"]?["community"]?["done"] == 1)
            let json = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=json")
            #expect(json.json["followUp"]?.arrayValue?.first?["actions"]?.arrayValue?.first?["status"] == "done")
            #expect(json.json["workshop"]?["code"]?.stringValue == f.code)
            let csv = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=csv&lang=en")
            #expect(csv.text.contains("what happened to our ideas"))
            #expect(csv.text.contains("Inaugurata a maggio"))
            let html = try await f.anonymous.get("/api/workshops/\(f.code)/export?format=html&lang=en")
            #expect(html.text.contains("What happened to our ideas"))
            #expect(html.text.contains("Comitato"))
            let all = try await f.facilitator.get("/api/programmes/\(programme)/export?format=json")
            #expect(all.json["followUp"]?.arrayValue?.isEmpty == false)
        }
    }

    @Test func followUpChangesReachOpenLiveStreams() async throws {
        try await withServer { server in
            let f = try await Self.closed(server)
            let stream = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            defer { stream.close() }
            #expect(await stream.wait { !$0.isEmpty })
            try await f.facilitator.post("/api/workshops/\(f.code)/actions", ["title": "Festa di quartiere"])
            #expect(await stream.wait { $0.contains { $0.name == "actions" && $0.json["actions"]?.arrayValue?.first?["title"] == "Festa di quartiere" } })
        }
    }
}
