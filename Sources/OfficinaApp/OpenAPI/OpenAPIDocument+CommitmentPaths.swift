extension OpenAPIDocument {
    /// Offers of help, follow-up actions, return links and personal data (issue 13).
    static var commitmentPaths: [(String, JSONValue)] {
        offerPaths
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

    static var commitmentSchemas: [(String, JSONValue)] {
        let line = S.object([("count", S.integer), ("kinds", S.array(S.string))])
        return [
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
