extension OpenAPIDocument {
    /// Offers of help, follow-up actions, return links and personal data (issue 13).
    static var commitmentPaths: [(String, JSONValue)] {
        offerPaths + followUpPaths + returnPaths + privacyPaths + peoplePaths
    }

    static var privacyPaths: [(String, JSONValue)] {
        [
            ("/api/workshops/{code}/me/data", ["get": operation(
                "Everything stored about the calling participant (a JSON file)", tag: "privacy", parameters: [codeParameter],
                success: [("200", json("The participant's data.", ["type": "object"]))], errors: ["403", "404"])]),
            ("/api/workshops/{code}/me", ["delete": operation(
                "Erase the calling participant: name, offers, contacts, devices; the ballot stays anonymous", tag: "privacy",
                parameters: [codeParameter], success: [("204", ["description": "Erased; the cookie is cleared."])], errors: ["403", "404"], unsafe: true)]),
        ]
    }

    static var peoplePaths: [(String, JSONValue)] {
        let people = json("People and partners.", ["type": "object"])
        return [
            ("/api/workshops/{code}/people", ["get": operation(
                "Offers by kind, goal and proposal, organisations and who can be contacted, in one workshop", tag: "people",
                facilitator: true, parameters: [codeParameter], success: [("200", people)], errors: ["404"])]),
            ("/api/programmes/{id}/people", ["get": operation(
                "The same across the programme", tag: "people", facilitator: true, parameters: [idParameter()],
                success: [("200", people)], errors: ["404"])]),
            ("/api/programmes/{id}/contacts", ["post": operation(
                "Consenting contacts as CSV or vCard; the export is recorded (a POST: a GET is 405)", tag: "people", facilitator: true,
                parameters: [idParameter()],
                requestBody: ["required": false, "content": ["application/json": ["schema": S.object([
                    ("format", S.enumeration(["csv", "vcard"])), ("workshop", S.nullable(S.string(length: 6...6))),
                ], required: [], closed: true)]]],
                success: [("200", content("The file; format defaults to csv, workshop to none (the whole programme).", ["text/csv", "text/vcard"]))],
                errors: ["404", "422"], unsafe: true)]),
            ("/api/programmes/{id}/contact-exports", ["get": operation(
                "Every contact export: who, when, format, how many", tag: "people", facilitator: true, parameters: [idParameter()],
                success: [("200", json("Newest first.", S.object([("exports", S.array(["type": "object"]))])))], errors: ["404"])]),
        ]
    }

    static var returnPaths: [(String, JSONValue)] {
        let link = S.object([
            ("participant", S.object([("id", S.integer), ("name", S.string)])), ("url", S.string),
            ("qr", S.object([("size", S.integer), ("rows", S.array(S.string))])),
        ])
        return [
            ("/api/workshops/{code}/return-link", [
                "get": operation("Whether the caller has an active return link", tag: "return", parameters: [codeParameter],
                                 success: [("200", json("State.", S.object([("active", S.boolean), ("issuedAt", S.nullable(S.dateTime))])))],
                                 errors: ["403", "404"]),
                "post": operation("Issue (or replace) the caller's personal return link, with its QR code", tag: "return",
                                  parameters: [codeParameter], success: [("201", json("The link; shown once.", link))], errors: ["403", "404"], unsafe: true),
                "delete": operation("Revoke the caller's return link and sign out devices opened with it", tag: "return",
                                    parameters: [codeParameter], success: [("204", ["description": "Revoked."])], errors: ["403", "404"], unsafe: true),
            ]),
            ("/api/participants/{id}/return-link", ["post": operation(
                "Reissue a participant's return link (lost phone)", tag: "return", facilitator: true, parameters: [idParameter()],
                success: [("201", json("The new link.", link))], errors: ["404"], unsafe: true)]),
            ("/api/workshops/{code}/participants", ["get": operation(
                "Participants with the state of their return link", tag: "return", facilitator: true, parameters: [codeParameter],
                success: [("200", json("Participants.", S.object([("participants", S.array(["type": "object"]))])))], errors: ["404"])]),
            ("/api/return", ["post": operation(
                "Open a return link on this device: sets the participant cookie", tag: "return",
                requestBody: body(S.object([("token", S.string(length: 1...128))], closed: true)),
                success: [("200", json("Signed in.", S.object([("code", S.string), ("participant", S.object([("id", S.integer), ("name", S.string)]))])))],
                errors: ["404", "422", "429"], unsafe: true)]),
        ]
    }

    static var offerPaths: [(String, JSONValue)] {
        let offerFields: [(String, JSONValue)] = [
            ("proposalId", S.nullable(["type": "integer", "minimum": 1])), ("kind", S.string(length: 1...32)),
            ("note", S.string(length: 0...500)), ("organisation", S.string(length: 0...120)),
            ("contact", S.nullable(S.string(length: 0...254))), ("consent", S.boolean),
        ]
        let offerInput = S.object(offerFields, required: ["kind"], closed: true)
        let offerPatch = S.object(offerFields.filter { $0.0 != "proposalId" }, required: [], closed: true)
        let offerErrors = ["403", "404", "409", "422"]
        return [
            ("/api/workshops/{code}/offers", [
                "get": operation("Kinds of help, the consent text, the summary (counts only) and the caller's own offers", tag: "offers",
                                 parameters: [codeParameter], success: [("200", json("Offers.", S.ref("OfferList")))], errors: ["404"]),
                "post": operation("Offer help on a proposal or the whole workshop (participant; not in draft). A contact needs consent: true",
                                  tag: "offers", parameters: [codeParameter], requestBody: body(offerInput),
                                  success: [("201", json("Made.", S.ref("Offer")))], errors: offerErrors, unsafe: true),
            ]),
            ("/api/offers/{id}", [
                "patch": operation("Edit one's own offer; contact null or \"\" (or consent false) removes the contact", tag: "offers",
                                   parameters: [idParameter()], requestBody: body(offerPatch),
                                   success: [("200", json("Updated.", S.ref("Offer")))], errors: offerErrors, unsafe: true),
                "delete": operation("Withdraw one's own offer (deleted with its contact)", tag: "offers", parameters: [idParameter()],
                                    success: [("204", ["description": "Withdrawn."])], errors: ["403", "404"], unsafe: true),
            ]),
        ]
    }

    static var followUpPaths: [(String, JSONValue)] {
        let day: JSONValue = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
        let actionInput = S.object([
            ("proposalId", ["type": "integer", "minimum": 1]), ("title", S.string(length: 1...120)), ("owner", S.string(length: 0...80)),
            ("ownerParticipantId", ["type": "integer", "minimum": 1]), ("nextStep", S.string(length: 0...500)), ("due", S.nullable(day)),
        ], required: [], closed: true)
        let actionPatch = S.object([
            ("title", S.string(length: 1...120)), ("owner", S.string(length: 0...80)),
            ("ownerParticipantId", S.nullable(["type": "integer", "minimum": 1])), ("nextStep", S.string(length: 0...500)),
            ("due", S.nullable(day)), ("status", S.enumeration(["planned", "in_progress", "done", "dropped"])), ("reason", S.string(length: 1...500)),
        ], required: [], closed: true)
        let errors = ["404", "409", "422"]
        return [
            ("/api/workshops/{code}/actions", [
                "get": operation("The workshop's follow-up actions (public)", tag: "follow-up", parameters: [codeParameter],
                                 success: [("200", json("Actions.", S.object([("actions", S.array(S.ref("Action")))])))], errors: ["404"]),
                "post": operation("Create an action (closed workshops)", tag: "follow-up", facilitator: true, parameters: [codeParameter],
                                  requestBody: body(actionInput), success: [("201", json("Created.", S.ref("Action")))], errors: errors, unsafe: true),
            ]),
            ("/api/workshops/{code}/actions/shortlist", ["post": operation(
                "Create a planned action for each shortlisted proposal without one", tag: "follow-up", facilitator: true,
                parameters: [codeParameter], success: [("201", json("The actions created.", S.object([("actions", S.array(S.ref("Action")))])))],
                errors: ["404", "409"], unsafe: true)]),
            ("/api/actions/{id}", [
                "patch": operation("Edit an action; dropped needs a reason", tag: "follow-up", facilitator: true, parameters: [idParameter()],
                                   requestBody: body(actionPatch), success: [("200", json("Updated.", S.ref("Action")))], errors: errors, unsafe: true),
                "delete": operation("Delete an action made by mistake", tag: "follow-up", facilitator: true, parameters: [idParameter()],
                                    success: [("204", ["description": "Deleted."])], errors: ["404"], unsafe: true),
            ]),
            ("/api/actions/{id}/notes", ["post": operation(
                "Add a dated progress note", tag: "follow-up", facilitator: true, parameters: [idParameter()],
                requestBody: body(S.object([("text", S.string(length: 1...1000)), ("date", day)], required: ["text"], closed: true)),
                success: [("201", json("Added.", S.ref("ActionNote")))], errors: ["404", "422"], unsafe: true)]),
            ("/api/programmes/{id}/follow-up", ["get": operation(
                "What happened to our ideas, across the programme (public): actions per workshop and per goal", tag: "follow-up",
                parameters: [idParameter()], success: [("200", json("The follow-up.", ["type": "object"]))], errors: ["404"])]),
        ]
    }

    static var commitmentSchemas: [(String, JSONValue)] {
        let line = S.object([("count", S.integer), ("kinds", S.array(S.string))])
        let note = S.object([("id", S.integer), ("text", S.string), ("date", S.string), ("by", S.string), ("createdAt", S.dateTime)])
        return [
            ("ActionNote", note),
            ("Action", S.object([
                ("id", S.integer), ("workshop", S.string), ("proposalId", S.nullable(S.integer)), ("proposalTitle", S.nullable(S.string)),
                ("title", S.string), ("owner", S.object([("name", S.string), ("participantId", S.nullable(S.integer))])),
                ("nextStep", S.string), ("due", S.nullable(S.string)), ("status", S.enumeration(["planned", "in_progress", "done", "dropped"])),
                ("reason", S.string), ("lastNote", S.nullable(S.ref("ActionNote"))), ("notes", S.array(S.ref("ActionNote"))),
                ("createdAt", S.dateTime), ("updatedAt", S.dateTime),
            ])),
            ("OfferKind", S.object([("key", S.string), ("label", S.ref("LocalizedText"))])),
            ("OfferSummary", S.object([
                ("total", S.integer), ("byKind", S.map(S.integer)), ("workshop", line), ("proposals", S.map(line)),
            ])),
            ("Offer", S.object([
                ("id", S.integer), ("workshop", S.string), ("proposalId", S.nullable(S.integer)), ("kind", S.string),
                ("note", S.string), ("organisation", S.string), ("mine", S.boolean), ("createdAt", S.dateTime), ("updatedAt", S.dateTime),
                ("author", S.object([("id", S.integer), ("name", S.string)])),
                ("contact", S.nullable(S.object([("type", S.enumeration(["email", "phone"])), ("value", S.string)]))),
                ("consent", S.nullable(S.object([("version", S.string), ("at", S.dateTime)]))),
            ], required: ["id", "workshop", "proposalId", "kind", "note", "organisation", "mine", "createdAt", "updatedAt"])),
            ("OfferList", S.object([
                ("kinds", S.array(S.ref("OfferKind"))),
                ("consent", S.object([("version", S.string), ("text", S.ref("LocalizedText"))])),
                ("summary", S.ref("OfferSummary")), ("mine", S.array(S.ref("Offer"))),
            ])),
        ]
    }
}
