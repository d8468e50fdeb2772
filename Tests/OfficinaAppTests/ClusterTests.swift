import Foundation
import Testing
@testable import OfficinaApp

/// Affinity clustering: a facilitator groups ideas into named clusters; everyone reads the board and
/// follows it live; the ranking and every export can be limited to one cluster and name each idea's.
@Suite struct ClusterTests {
    static func cluster(_ f: Fixture, _ name: String) async throws -> Int64 {
        let created = try await f.facilitator.post("/api/workshops/\(f.code)/clusters", ["name": .string(name)])
        guard created.status == 201, let id = created.json["id"]?.doubleValue else { throw TestFailure("no cluster: \(created)") }
        return Int64(id)
    }

    static func members(_ board: TestResponse) -> [String: [Double]] {
        var members: [String: [Double]] = [:]
        for cluster in board.json["clusters"]?.arrayValue ?? [] {
            members[cluster["name"]?.stringValue ?? "?"] = (cluster["proposals"]?.arrayValue ?? []).compactMap(\.doubleValue)
        }
        return members
    }

    @Test func aFacilitatorGroupsIdeasAndEveryParticipantReadsTheBoard() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let space = try await Self.cluster(f, "Spazi")
            let people = try await Self.cluster(f, "Persone")
            let put = try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(space)])
            #expect(put.status == 200)
            #expect(Self.members(put)["Spazi"] == [Double(f.proposalID)])
            let board = try await f.reader.get("/api/workshops/\(f.code)/clusters")
            #expect(board.status == 200)
            #expect(board.json["clusters"]?.arrayValue?.map { $0["name"]?.stringValue } == ["Spazi", "Persone"])
            #expect(Self.members(board)["Spazi"] == [Double(f.proposalID)])
            // Moving it takes it out of the first cluster: an idea is in one cluster at most.
            try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(people)])
            let moved = Self.members(try await f.anonymous.get("/api/workshops/\(f.code)/clusters"))
            #expect(moved["Spazi"] == [])
            #expect(moved["Persone"] == [Double(f.proposalID)])
            let out = try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .null])
            #expect(out.status == 200)
            let noneClustered = Self.members(out).values.allSatisfy(\.isEmpty)
            #expect(noneClustered)
        }
    }

    @Test func participantsStrangersAndCrossOriginPagesCannotTouchTheBoard() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let space = try await Self.cluster(f, "Spazi")
            for visitor in [f.author, f.anonymous] {
                #expect(try await visitor.post("/api/workshops/\(f.code)/clusters", ["name": "Mio"]).status == 401)
                #expect(try await visitor.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(space)]).status == 401)
                #expect(try await visitor.patch("/api/clusters/\(space)", ["name": "Mio"]).status == 401)
                #expect(try await visitor.delete("/api/clusters/\(space)").status == 401)
                #expect(try await visitor.put("/api/workshops/\(f.code)/clusters/order", ["order": [.integer(space)]]).status == 401)
            }
            let forged = try await f.facilitator.post("/api/workshops/\(f.code)/clusters", ["name": "Forged"], origin: "https://evil.example")
            #expect(forged.status == 403)
            #expect(forged.errorCode == "origin")
            let board = try await f.reader.get("/api/workshops/\(f.code)/clusters")
            #expect(Self.members(board).keys.sorted() == ["Spazi"])
        }
    }

    @Test func badNamesIdsAndOrdersGetClearErrors() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let space = try await Self.cluster(f, "Spazi")
            let path = "/api/workshops/\(f.code)/clusters"
            let empty = try await f.facilitator.post(path, ["name": "   "])
            #expect(empty.status == 422)
            #expect(empty.errorField == "name")
            let long = try await f.facilitator.post(path, ["name": .string(String(repeating: "x", count: 61))])
            #expect(long.status == 422)
            #expect(try await f.facilitator.post(path, ["name": .string(String(repeating: "x", count: 60))]).status == 201)
            let twin = try await f.facilitator.post(path, ["name": "SPAZI"])
            #expect(twin.status == 409)
            #expect(twin.errorCode == "cluster_name_taken")
            #expect(try await f.facilitator.post(path, ["name": "A", "colour": "red"]).status == 422)
            #expect(try await f.facilitator.send("POST", path, raw: "{not json").status == 400)
            // A cluster of another workshop, a wrong type, a missing member.
            let elsewhere = try await f.facilitator.post("/api/workshops/\(f.otherCode)/clusters", ["name": "Altrove"])
            let foreign = Int64(try #require(elsewhere.json["id"]?.doubleValue))
            let wrong = try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(foreign)])
            #expect(wrong.status == 422)
            #expect(wrong.errorCode == "unknown_cluster")
            #expect(try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": "Spazi"]).errorCode == "type")
            #expect(try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", [:]).errorCode == "required")
            #expect(try await f.facilitator.put("/api/proposals/999999/cluster", ["cluster": .integer(space)]).status == 404)
            #expect(try await f.facilitator.patch("/api/clusters/999999", ["name": "Nessuno"]).status == 404)
            #expect(try await f.facilitator.delete("/api/clusters/abc").status == 404)
            let partial = try await f.facilitator.put("\(path)/order", ["order": [.integer(space)]])
            #expect(partial.status == 422)
            #expect(partial.errorCode == "order")
            #expect(try await f.facilitator.put("\(path)/order", ["order": "1,2"]).errorCode == "type")
        }
    }

    @Test func renamingReorderingAndDeletingKeepTheBoardConsistent() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let a = try await Self.cluster(f, "A"), b = try await Self.cluster(f, "B"), c = try await Self.cluster(f, "C")
            try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(b)])
            let renamed = try await f.facilitator.patch("/api/clusters/\(b)", ["name": "Bee"])
            #expect(renamed.json["name"] == "Bee")
            #expect(try await f.facilitator.patch("/api/clusters/\(b)", ["name": "a"]).errorCode == "cluster_name_taken")
            let order = try await f.facilitator.put("/api/workshops/\(f.code)/clusters/order", ["order": [.integer(c), .integer(a), .integer(b)]])
            #expect(order.status == 200)
            #expect(order.json["clusters"]?.arrayValue?.map { $0["name"]?.stringValue } == ["C", "A", "Bee"])
            let deleted = try await f.facilitator.delete("/api/clusters/\(b)")
            #expect(deleted.status == 200)
            let board = try await f.reader.get("/api/workshops/\(f.code)/clusters")
            #expect(board.json["clusters"]?.arrayValue?.map { $0["position"]?.doubleValue } == [0, 1])
            let noneLeft = Self.members(board).values.allSatisfy(\.isEmpty)
            #expect(noneLeft)
            // The idea itself is untouched, only unclustered.
            let ideas = try await f.reader.get("/api/workshops/\(f.code)/proposals")
            #expect(ideas.json["proposals"]?.arrayValue?.count == 1)
        }
    }

    @Test func aClosedWorkshopsBoardIsReadOnly() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let space = try await Self.cluster(f, "Spazi")
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let late = try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(space)])
            #expect(late.status == 409)
            #expect(late.errorCode == "phase")
            #expect(try await f.facilitator.post("/api/workshops/\(f.code)/clusters", ["name": "Tardi"]).errorCode == "phase")
        }
    }

    @Test func everyChangeReachesLiveStreamsAsAClustersEvent() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let events = try EventStreamReader(port: server.port, path: "/api/workshops/\(f.code)/events", cookies: f.reader.cookies)
            defer { events.close() }
            #expect(await events.wait { !$0.filter { $0.name == "tally" }.isEmpty })
            let space = try await Self.cluster(f, "Spazi")
            try await f.facilitator.put("/api/proposals/\(f.proposalID)/cluster", ["cluster": .integer(space)])
            #expect(await events.wait { list in
                list.contains { event in
                    event.name == "clusters"
                        && event.json["clusters"]?.arrayValue?.first?["proposals"]?.arrayValue?.first?.doubleValue == Double(f.proposalID)
                }
            })
        }
    }

    @Test func theRankingAndEveryExportFilterByClusterAndNameEachIdeasCluster() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let other = try await f.reader.post("/api/workshops/\(f.code)/proposals", ["title": "Orto condiviso sul tetto"])
            let otherID = Int64(try #require(other.json["id"]?.doubleValue))
            let space = try await Self.cluster(f, "Spazi verdi")
            try await f.facilitator.put("/api/proposals/\(otherID)/cluster", ["cluster": .integer(space)])
            let all = try await f.facilitator.get("/api/workshops/\(f.code)/ranking")
            #expect(all.json["entries"]?.arrayValue?.count == 2)
            let one = try await f.facilitator.get("/api/workshops/\(f.code)/ranking?cluster=\(space)")
            #expect(one.status == 200)
            #expect(one.json["entries"]?.arrayValue?.compactMap { $0["id"]?.doubleValue } == [Double(otherID)])
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/ranking?cluster=abc").errorCode == "cluster")
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/ranking?cluster=999999").errorCode == "unknown_cluster")
            // The unfiltered exports name the cluster of each idea, and leave it empty for the unclustered one.
            let csv = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=csv&lang=en").text
            let lines = csv.components(separatedBy: "\r\n")
            #expect(lines[0].hasSuffix(",cluster"), "\(lines[0])")
            #expect(lines.contains { $0.contains("Orto condiviso sul tetto") && $0.hasSuffix(",Spazi verdi") })
            #expect(lines.contains { $0.contains("Biblioteca degli attrezzi") && $0.hasSuffix(",") })
            let excel = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=csv-excel&lang=it").text
            #expect(excel.components(separatedBy: "\r\n")[0].hasSuffix(";raggruppamento"))
            let json = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=json").json
            #expect(json["workshop"]?["details"]?[String(otherID)]?["cluster"] == "Spazi verdi")
            let html = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=html&lang=en").text
            #expect(html.contains("Cluster: Spazi verdi"))
            // Filtered: only the cluster's idea, and the file says which cluster it is limited to.
            let filtered = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=csv&lang=en&cluster=\(space)").text
            #expect(filtered.contains("Orto condiviso sul tetto"))
            #expect(!filtered.contains("Biblioteca degli attrezzi"))
            #expect(filtered.contains("\r\nCluster,Spazi verdi\r\n"))
            let filteredJSON = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=json&cluster=\(space)").json
            #expect(filteredJSON["workshop"]?["cluster"] == "Spazi verdi")
            #expect(filteredJSON["workshop"]?["ranking"]?["entries"]?.arrayValue?.count == 1)
            // The programme's export names the cluster too.
            let programmeID = try #require(try await f.facilitator.get("/api/workshops/\(f.code)").json["programmeId"]?.doubleValue)
            let programme = try await f.facilitator.get("/api/programmes/\(Int(programmeID))/export?format=json").json
            let ours = programme["programme"]?["workshops"]?.arrayValue?.first { $0["code"]?.stringValue == f.code }
            #expect(ours?["details"]?[String(otherID)]?["cluster"] == "Spazi verdi")
            // …and so does its CSV, one table for every workshop, each row ending with the idea's cluster.
            let programmeCSV = try await f.facilitator.get("/api/programmes/\(Int(programmeID))/export?format=csv&lang=en").text
            let programmeLines = programmeCSV.components(separatedBy: "\r\n")
            #expect(programmeLines[0].hasSuffix(",cluster"), "\(programmeLines[0])")
            #expect(programmeLines.contains { $0.hasPrefix(f.code) && $0.contains("Orto condiviso sul tetto") && $0.hasSuffix(",Spazi verdi") })
        }
    }
}
