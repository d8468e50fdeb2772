extension OpenAPIDocument {
    static var workshopPaths: [(String, JSONValue)] {
        let workshopPatch = S.object([
            ("theme", S.string(length: 1...40)), ("title", S.ref("LocalizedTextInput")), ("description", S.ref("LocalizedTextInput")),
            ("settings", S.ref("WorkshopSettingsInput")), ("deadline", S.nullable(S.dateTime)),
            ("autoAdvance", S.boolean),
        ], required: [], closed: true)
        let phaseInput = S.object([
            ("phase", S.enumeration(["draft", "collecting", "voting", "closed"])), ("deadline", S.nullable(S.dateTime)),
            ("autoAdvance", S.boolean),
        ], required: ["phase"], closed: true)
        let stats = S.object([("participants", S.integer), ("proposals", S.integer), ("buildOns", S.integer), ("ballots", S.integer), ("ratings", S.integer)])
        return [
            ("/api/workshops/{code}", [
                "get": operation("One workshop", tag: "workshops", parameters: [codeParameter],
                                 success: [("200", json("The workshop.", S.ref("Workshop")))], errors: ["404"]),
                "patch": operation("Edit a workshop; voting settings lock once a ballot exists", tag: "workshops", facilitator: true,
                                   parameters: [codeParameter], requestBody: body(workshopPatch),
                                   success: [("200", json("Updated.", S.ref("Workshop")))], errors: ["404", "409", "422"], unsafe: true),
            ]),
            ("/api/workshops/{code}/phase", ["post": operation(
                "Move to a phase, optionally with a deadline", tag: "workshops", facilitator: true, parameters: [codeParameter],
                requestBody: body(phaseInput), success: [("200", json("Moved.", S.ref("Workshop")))], errors: ["404", "422"], unsafe: true)]),
            ("/api/workshops/{code}/phases", ["get": operation(
                "The phase log", tag: "workshops", facilitator: true, parameters: [codeParameter],
                success: [("200", json("Every move, oldest first.", S.object([("log", S.array(S.ref("PhaseChange")))])))], errors: ["404"])]),
            ("/api/workshops/{code}/stats", ["get": operation(
                "Participation figures", tag: "workshops", facilitator: true, parameters: [codeParameter],
                success: [("200", json("Counts.", stats))], errors: ["404"])]),
            ("/api/workshops/{code}/access-codes", ["post": operation(
                "Generate single-use access codes", tag: "workshops", facilitator: true, parameters: [codeParameter],
                requestBody: body(S.object([("count", S.integer(1...500))], closed: true)),
                success: [("201", json("New codes.", S.object([("codes", S.array(S.string))])))], errors: ["404", "422"], unsafe: true)]),
            ("/api/workshops/{code}/access-codes/tickets", ["get": operation(
                "A printable sheet of the unused access codes", tag: "workshops", facilitator: true, parameters: [codeParameter],
                success: [("200", content("HTML ready to print.", ["text/html"]))], errors: ["404"])]),
            ("/api/workshops/{code}/merges", ["get": operation(
                "The merge audit trail", tag: "moderation", facilitator: true, parameters: [codeParameter],
                success: [("200", json("Merges, oldest first.", S.object([("merges", S.array(S.ref("Merge")))])))], errors: ["404"])]),
            ("/api/workshops/{code}/events", ["get": operation(
                "Live updates (server-sent events: workshop, proposal, merge, tally)", tag: "live", parameters: [codeParameter],
                success: [("200", content("An event stream that stays open.", ["text/event-stream"]))], errors: ["404", "429"])]),
            ("/api/workshops/{code}/qr.svg", ["get": operation(
                "QR code of the join URL", tag: "workshops", parameters: [codeParameter],
                success: [("200", content("SVG image.", ["image/svg+xml"]))], errors: ["404"])]),
        ]
    }

    static var proposalPaths: [(String, JSONValue)] {
        let proposalInput = S.object([
            ("title", S.string(length: 1...120)), ("body", S.string(length: 0...2000)), ("goals", ["type": "array", "items": S.string, "maxItems": 12]),
        ], required: ["title"], closed: true)
        let proposalPatch = S.object([
            ("title", S.string(length: 1...120)), ("body", S.string(length: 0...2000)), ("goals", ["type": "array", "items": S.string, "maxItems": 12]),
            ("status", S.enumeration(["visible", "hidden"])), ("reason", S.string(length: 0...300)),
        ], required: [], closed: true)
        let ballotErrors = ["403", "404", "409", "422"]
        return [
            ("/api/workshops/{code}/proposals", [
                "get": operation("Proposals (hidden ones only for facilitators)", tag: "participation", parameters: [codeParameter],
                                 success: [("200", json("Proposals, in the order the server chose for the caller (docs/scoring.md, Exposure).", S.object([("proposals", S.array(S.ref("Proposal"))), ("order", exposureOrderSchema)])))], errors: ["404"]),
                "post": operation("Add a proposal (participant, collecting)", tag: "participation", parameters: [codeParameter],
                                  requestBody: body(proposalInput), success: [("201", json("Added.", S.ref("Proposal")))],
                                  errors: ballotErrors, unsafe: true),
            ]),
            ("/api/proposals/{id}", ["patch": operation(
                "Edit a proposal (author while collecting) or hide/unhide it (facilitator)", tag: "participation",
                parameters: [idParameter()], requestBody: body(proposalPatch), success: [("200", json("Updated.", S.ref("Proposal")))],
                errors: ["401", "429"] + ballotErrors, unsafe: true)]),
            ("/api/proposals/{id}/withdraw", ["post": operation(
                "Withdraw one's own proposal (author, collecting): hidden from others, marked withdrawn", tag: "participation",
                parameters: [idParameter()], success: [("200", json("Withdrawn.", S.ref("Proposal")))], errors: ballotErrors, unsafe: true)]),
            ("/api/proposals/{id}/merge", ["post": operation(
                "Merge a duplicate into another proposal", tag: "moderation", facilitator: true, parameters: [idParameter()],
                requestBody: body(S.object([("into", ["type": "integer", "minimum": 1])], closed: true)),
                success: [("200", json("Merged.", S.object([("merged", S.ref("Proposal")), ("into", S.ref("Proposal"))])))],
                errors: ["404", "409", "422"], unsafe: true)]),
            ("/api/proposals/{id}/unmerge", ["post": operation(
                "Undo the merge of this proposal", tag: "moderation", facilitator: true, parameters: [idParameter()],
                success: [("200", json("Restored.", S.object([("proposal", S.ref("Proposal"))])))], errors: ["404", "409"], unsafe: true)]),
            ("/api/proposals/{id}/buildons", ["post": operation(
                "Build on a proposal (participant, collecting)", tag: "participation", parameters: [idParameter()],
                requestBody: body(S.object([("text", S.string(length: 1...500))], closed: true)),
                success: [("201", json("Added.", S.ref("BuildOn")))], errors: ballotErrors, unsafe: true)]),
            ("/api/workshops/{code}/ballot", [
                "get": operation("The caller's ballot", tag: "voting", parameters: [codeParameter],
                                 success: [("200", json("The ballot with budget and spending.", S.ref("Ballot")))], errors: ["403", "404"]),
                "put": operation("Replace the caller's whole ballot (voting)", tag: "voting", parameters: [codeParameter],
                                 requestBody: body(S.ref("BallotInput")), success: [("200", json("Stored.", S.ref("Ballot")))],
                                 errors: ballotErrors, unsafe: true),
            ]),
        ]
    }

    static var resultPaths: [(String, JSONValue)] {
        [
            ("/api/workshops/{code}/ranking", ["get": operation(
                "The ranking with its breakdown (facilitator; anyone once closed)", tag: "results",
                parameters: [codeParameter, query("weights", S.string(length: 0...400), "Goal weights, e.g. space:2,partnerships:1,community:1."), clusterQuery,
                             query("view", S.enumeration(["full", "compact"]),
                                   "full (default): the whole breakdown; compact: what the projector, phones and console draw (no explanations, intervals, weights, per-goal orders, goal statistics or excluded proposals).")],
                success: [("200", json("The ranking, in one language (`?lang=it|en`, else Accept-Language, else it), numbers rounded (2 decimals for 0–100 points and 0–4 scores, 3 for shares and probabilities); ETag, 304 on If-None-Match.", S.ref("Ranking")))],
                errors: ["401", "403", "404", "422"])]),
            ("/api/workshops/{code}/export", ["get": operation(
                "Ranked results as a file (facilitator; anyone once closed)", tag: "results",
                parameters: [codeParameter, formatParameter, query("weights", S.string(length: 0...400), "Goal weights, as for the ranking."), clusterQuery],
                success: [("200", content("The file.", exportTypes))], errors: ["401", "403", "404", "422"])]),
        ]
    }
}
