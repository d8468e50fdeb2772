import Foundation
import Testing
import OfficinaStore
@testable import OfficinaApp

/// A participant's data: they see all of it and only theirs; erasing removes name, offers, contacts and
/// devices but keeps the ballot anonymously so results hold; old contacts can be purged from the shell.
@Suite struct PrivacyTests {
    @Test func aParticipantSeesEverythingStoredAboutThemAndNobodyElseCan() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.author.post("/api/workshops/\(f.code)/offers", ["kind": "skills", "contact": "autore@example.org", "consent": true])
            try await f.author.post("/api/workshops/\(f.code)/return-link")
            let data = try await f.author.get("/api/workshops/\(f.code)/me/data")
            #expect(data.status == 200)
            #expect(data.header("Content-Disposition")?.contains("attachment") == true)
            #expect(data.json["participant"]?["name"] == "Author")
            #expect(data.json["proposals"]?.arrayValue?.first?["title"] == "Biblioteca degli attrezzi")
            #expect(data.json["offers"]?.arrayValue?.first?["contact"]?["value"] == "autore@example.org")
            #expect(data.json["offers"]?.arrayValue?.first?["consent"]?["version"] == "offer-contact-1")
            #expect(data.json["returnLink"]?["by"] == "participant")
            let others = try await f.reader.get("/api/workshops/\(f.code)/me/data")
            #expect(others.json["participant"]?["name"] == "Reader" && !others.text.contains("autore@"))
            for browser in [f.anonymous, f.outsider, f.facilitator] {
                #expect(try await browser.get("/api/workshops/\(f.code)/me/data").status == 403)
                #expect(try await browser.delete("/api/workshops/\(f.code)/me").status == 403)
            }
        }
    }

    @Test func erasureRemovesNameOffersContactsAndDevicesButKeepsTheBallotSoResultsHold() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["votingMethod": "approval", "ratingsEnabled": false]])
            try await f.reader.post("/api/workshops/\(f.code)/offers", ["kind": "time", "contact": "+39 333 7654321", "consent": true])
            let token = try #require(try await f.reader.post("/api/workshops/\(f.code)/return-link").json["url"]?.stringValue?.split(separator: "#").last)
            let laptop = server.browser()
            #expect(try await laptop.post("/api/return", ["token": .string(String(token))]).status == 200)
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "voting"])
            let vote = try await f.reader.put("/api/workshops/\(f.code)/ballot", ["support": [String(f.proposalID): 1]])
            #expect(vote.status == 200, "\(vote)")
            try await f.facilitator.post("/api/workshops/\(f.code)/phase", ["phase": "closed"])
            let before = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")

            let erased = try await f.reader.delete("/api/workshops/\(f.code)/me")
            #expect(erased.status == 204)
            #expect(erased.headers("Set-Cookie").contains { $0.contains("Max-Age=0") })
            for browser in [f.reader, laptop] {
                #expect(try await browser.get("/api/me?code=\(f.code)").json["participant"] == .null)
            }
            let participants = try await f.facilitator.get("/api/workshops/\(f.code)/participants")
            let names = participants.json["participants"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(names.contains("deleted participant") && !names.contains("Reader"))
            #expect(try await f.anonymous.get("/api/workshops/\(f.code)/offers").json["summary"]?["total"] == 0)
            let stored = try server.store.read { db in
                try db.queryOne("SELECT count(*) FROM offers WHERE contact IS NOT NULL") { $0.int(0) }
            }
            #expect(stored == 0)
            let after = try await f.anonymous.get("/api/workshops/\(f.code)/ranking")
            #expect(after.json["counts"]?["ballots"] == before.json["counts"]?["ballots"])
            #expect(after.json["entries"]?.arrayValue?.first?["overall"] == before.json["entries"]?.arrayValue?.first?["overall"])
        }
    }

    @Test func anErasedAuthorsIdeasStayUnderDeletedParticipantAndTheirOldCookieIsDead() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let cookies = f.author.cookies
            #expect(try await f.author.delete("/api/workshops/\(f.code)/me").status == 204)
            let list = try await f.facilitator.get("/api/workshops/\(f.code)/proposals")
            let proposal = list.json["proposals"]?.arrayValue?.first
            #expect(proposal?["title"] == "Biblioteca degli attrezzi")
            #expect(proposal?["author"]?["name"] == "deleted participant")
            // A copy of the old cookie no longer opens anything.
            let thief = server.browser()
            for (name, value) in cookies { thief.setCookie(name, value) }
            #expect(try await thief.get("/api/me?code=\(f.code)").json["participant"] == .null)
            #expect(try await thief.post("/api/workshops/\(f.code)/offers", ["kind": "time"]).status == 403)
        }
    }

    @Test func anErasedAuthorIsNamedInTheLanguageOfEachExport() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            #expect(try await f.author.delete("/api/workshops/\(f.code)/me").status == 204)
            for (language, shown, other) in [("it", "partecipante eliminato", "deleted participant"), ("en", "deleted participant", "partecipante eliminato")] {
                for format in ["csv", "html"] {
                    let export = try await f.facilitator.get("/api/workshops/\(f.code)/export?format=\(format)&lang=\(language)")
                    #expect(export.status == 200)
                    #expect(export.text.contains(shown), "\(format) in \(language)")
                    #expect(!export.text.contains(other), "\(format) in \(language)")
                }
            }
        }
    }

    @Test func purgeContactsRemovesOnlyOldContactsAndKeepsTheOffers() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.reader.post("/api/workshops/\(f.code)/offers", ["kind": "time", "contact": "vecchio@example.org", "consent": true])
            try await f.author.post("/api/workshops/\(f.code)/offers", ["kind": "time", "contact": "nuovo@example.org", "consent": true])
            // Age the first consent by a year.
            try server.store.writeBlocking { db in
                try db.execute("UPDATE offers SET consented_at = consented_at - 365 * 86400 WHERE contact = 'vecchio@example.org'")
            }
            #expect(try Command.parse(["purge-contacts", "--older-than", "180", "--db", "x.db"]).isPurge(days: 180))
            #expect(throws: CommandLineError.self) { try Command.parse(["purge-contacts"]) }
            #expect(throws: CommandLineError.self) { try Command.parse(["purge-contacts", "--older-than", "-3"]) }
            try CommandRunner.purgeContacts(database: server.application.context.configuration.databasePath, days: 180)
            let contacts = try server.store.read { db in
                try db.query("SELECT coalesce(contact, '-') FROM offers ORDER BY id") { $0.text(0) }
            }
            #expect(contacts == ["-", "nuovo@example.org"])
        }
    }
}

extension Command {
    func isPurge(days expected: Int) -> Bool {
        if case let .purgeContacts(_, days) = self { return days == expected }
        return false
    }
}
