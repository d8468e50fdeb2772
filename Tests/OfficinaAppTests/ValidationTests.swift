import Foundation
import Testing
@testable import OfficinaApp

/// Every input rule: malformed JSON, wrong types, unknown fields, lengths, Unicode
/// normalisation and control characters; errors name their field and nothing is half-written.
@Suite(.timeLimit(.minutes(10))) struct ValidationTests {
    @Test func malformedJSONIsABadRequest() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            for raw in ["{", "[1,2]", "\"text\"", "{\"title\": }", "", "nul"] {
                let response = try await f.author.send("POST", "/api/workshops/\(f.code)/proposals", raw: raw)
                #expect(response.status == 400, "\(raw)")
                #expect(response.errorCode == "bad_json", "\(raw)")
            }
        }
    }

    @Test func wrongTypesAndUnknownFieldsNameTheField() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/proposals"
            let cases: [(JSONValue, String, String)] = [
                (["title": 42], "title", "type"),
                (["title": "Ok", "goals": "space"], "goals", "type"),
                (["title": "Ok", "goals": [1]], "goals[0]", "type"),
                (["title": "Ok", "author": "someone"], "author", "unknown_field"),
                (["body": "no title"], "title", "required"),
            ]
            for (body, field, code) in cases {
                let response = try await f.author.post(path, body)
                #expect(response.status == 422, "\(body.text)")
                #expect(response.errorField == field, "\(body.text)")
                #expect(response.errorCode == code, "\(body.text)")
            }
            let nested = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["dotBudget": "five"]])
            #expect(nested.status == 422)
            #expect(nested.errorField == "settings.dotBudget")
            let unknownSetting = try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["colour": "red"]])
            #expect(unknownSetting.errorField == "settings.colour")
            #expect(unknownSetting.errorCode == "unknown_field")
        }
    }

    @Test func textsAreNormalisedAndLengthsEnforced() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let path = "/api/workshops/\(f.code)/proposals"
            // Decomposed "Città" (a + combining grave) comes back composed; controls and bidi overrides go.
            let decomposed = "  Citta\u{0300}\u{0007} \u{202E}viva\u{0000}  "
            let cleaned = try await f.author.post(path, ["title": .string(decomposed), "body": "riga uno\r\nriga due\u{0008}"])
            #expect(cleaned.status == 201)
            #expect(cleaned.json["title"] == "Città viva")
            #expect(cleaned.json["body"] == "riga uno\nriga due")
            let long = try await f.author.post(path, ["title": .string(String(repeating: "a", count: 121))])
            #expect(long.status == 422)
            #expect(long.errorField == "title")
            let blank = try await f.author.post(path, ["title": " \u{200B}\t "])
            #expect(blank.status == 422)
            let longName = try await server.browser().post("/api/join", ["code": .string(f.code), "name": .string(String(repeating: "n", count: 41))])
            #expect(longName.status == 422)
            #expect(longName.errorField == "name")
            let emptyName = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "   "])
            #expect(emptyName.errorField == "name")
        }
    }

    @Test func unknownGoalsOnAProposalAreRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            let response = try await f.author.post("/api/workshops/\(f.code)/proposals", ["title": "Ok", "goals": ["space", "moon"]])
            #expect(response.status == 422)
            #expect(response.errorCode == "unknown_goal")
        }
    }

    @Test func nothingIsHalfWrittenWhenAnAccessCodeIsRefused() async throws {
        try await withServer { server in
            let f = try await Fixture.make(server)
            try await f.facilitator.patch("/api/workshops/\(f.code)", ["settings": ["requireAccessCode": true]])
            let before = try await f.facilitator.get("/api/workshops/\(f.code)/stats").json["participants"]
            let refused = try await server.browser().post("/api/join", ["code": .string(f.code), "name": "Senza", "accessCode": "NOTACODE"])
            #expect(refused.status == 403)
            #expect(refused.errorCode == "access_code")
            #expect(try await f.facilitator.get("/api/workshops/\(f.code)/stats").json["participants"] == before)
        }
    }

    @Test func programmeGoalsAreChecked() async throws {
        try await withServer { server in
            let facilitator = try await server.facilitator()
            let badKey = try await facilitator.post("/api/programmes", ["title": ["it": "P"], "goals": [["key": "Bad Key", "label": ["it": "x"]]]])
            #expect(badKey.status == 422)
            #expect(badKey.errorField == "goals[0].key")
            let duplicate = try await facilitator.post("/api/programmes", ["title": ["it": "P"], "goals": [
                ["key": "a", "label": ["it": "A"]], ["key": "a", "label": ["it": "B"]],
            ]])
            #expect(duplicate.errorField == "goals[1].key")
            let allZero = try await facilitator.post("/api/programmes", ["title": ["it": "P"], "goals": [["key": "a", "label": ["it": "A"], "weight": 0]]])
            #expect(allZero.status == 422)
            let good = try await facilitator.post("/api/programmes", ["title": ["it": "Nuovo", "en": "New"], "goals": [
                ["key": "space", "label": ["it": "Spazio", "en": "Space"], "weight": 2],
            ]])
            #expect(good.status == 201)
            #expect(good.json["goals"]?.arrayValue?.first?["weight"] == 2)
            let programmes = try await facilitator.get("/api/programmes")
            #expect(programmes.json["programmes"]?.arrayValue?.count == 2)
        }
    }
}
