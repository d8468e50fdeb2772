extension OpenAPIDocument {
    static let formatParameter = query("format", S.enumeration(["csv", "csv-excel", "json", "html"]), "Export format; default csv.")
    static let exportTypes = ["text/csv", "application/json", "text/html"]

    static var paths: [(String, JSONValue)] {
        accountPaths + programmePaths + workshopPaths + proposalPaths + resultPaths + scoringPaths + commitmentPaths + clusterPaths
            + pairwisePaths
    }

    static var accountPaths: [(String, JSONValue)] {
        [
            ("/healthz", ["get": operation("Liveness", tag: "operations", success: [("200", json("Alive.", S.object([("status", S.enumeration(["ok"]))])))])]),
            ("/metrics", ["get": operation("Prometheus metrics", tag: "operations", success: [("200", content("Text exposition format.", ["text/plain"]))])]),
            ("/api/openapi.json", ["get": operation("This document", tag: "operations", success: [("200", json("OpenAPI 3.1.", ["type": "object"]))])]),
            ("/api/me", ["get": operation(
                "Who the caller is", tag: "identity",
                parameters: [query("code", S.string(length: 0...6), "A workshop code, to report the participant of that workshop.")],
                success: [("200", json("The facilitator and participant identities, each null when absent.", S.ref("Me")))])]),
            ("/api/setup", ["post": operation(
                "Create the first facilitator with the one-time setup token", tag: "identity",
                requestBody: body(S.object([("token", S.string(length: 1...128)), ("username", S.string(length: 1...64)), ("password", S.string(length: 1...1024))], closed: true)),
                success: [("201", json("Created and signed in.", S.object([("facilitator", S.object([("username", S.string)]))])))],
                errors: ["403", "422", "429"], unsafe: true)]),
            ("/api/session", [
                "post": operation(
                    "Facilitator login", tag: "identity",
                    requestBody: body(S.object([("username", S.string(length: 1...64)), ("password", S.string(length: 1...1024))], closed: true)),
                    success: [("200", json("Signed in; sets the session cookie.", S.object([("facilitator", S.object([("username", S.string)]))])))],
                    errors: ["401", "422", "429"], unsafe: true),
                "delete": operation("Logout", tag: "identity", success: [("204", ["description": "Signed out; the cookie is cleared."])], unsafe: true),
            ]),
            ("/api/join", ["post": operation(
                "Join a workshop as a participant", tag: "participation",
                requestBody: body(S.object([("code", S.string(length: 1...64)), ("name", S.string(length: 1...40)), ("accessCode", S.string(length: 0...64)), ("group", S.nullable(S.string(length: 0...32)))], required: ["code", "name"], closed: true)),
                success: [("201", json("Joined; sets the participant cookie.", S.object([("participant", S.object([("id", S.integer), ("name", S.string)])), ("workshop", S.ref("Workshop"))])))],
                errors: ["403", "404", "409", "422", "429"], unsafe: true)]),
        ]
    }

    static var programmePaths: [(String, JSONValue)] {
        let programmeInput = S.object([
            ("title", S.ref("LocalizedTextInput")), ("description", S.ref("LocalizedTextInput")), ("goals", ["type": "array", "items": S.ref("GoalInput"), "minItems": 1, "maxItems": 12]),
        ], required: ["title", "goals"], closed: true)
        let programmePatch = S.object([
            ("title", S.ref("LocalizedTextInput")), ("description", S.ref("LocalizedTextInput")), ("goals", ["type": "array", "items": S.ref("GoalInput"), "minItems": 1, "maxItems": 12]),
        ], required: [], closed: true)
        let workshopInput = S.object([
            ("theme", S.string(length: 1...40)), ("title", S.ref("LocalizedTextInput")), ("description", S.ref("LocalizedTextInput")),
            ("settings", S.ref("WorkshopSettingsInput")), ("deadline", S.nullable(S.dateTime)),
        ], required: ["theme", "title"], closed: true)
        return [
            ("/api/programmes", [
                "get": operation("Programmes with goals and workshops", tag: "programmes",
                                 success: [("200", json("All programmes.", S.object([("programmes", S.array(S.ref("Programme")))])))]),
                "post": operation("Create a programme", tag: "programmes", facilitator: true, requestBody: body(programmeInput),
                                  success: [("201", json("Created.", S.ref("Programme")))], errors: ["422"], unsafe: true),
            ]),
            ("/api/programmes/{id}", [
                "get": operation("One programme", tag: "programmes", parameters: [idParameter()],
                                 success: [("200", json("The programme.", S.ref("Programme")))], errors: ["404"]),
                "patch": operation("Edit a programme; goal weights are the default ranking weights", tag: "programmes", facilitator: true,
                                   parameters: [idParameter()], requestBody: body(programmePatch),
                                   success: [("200", json("Updated.", S.ref("Programme")))], errors: ["404", "409", "422"], unsafe: true),
            ]),
            ("/api/programmes/{id}/overview", ["get": operation(
                "Per goal, the strongest proposals across the programme's workshops", tag: "results", facilitator: true,
                parameters: [idParameter()], success: [("200", json("The roll-up.", ["type": "object"]))], errors: ["404"])]),
            ("/api/programmes/{id}/export", ["get": operation(
                "Every workshop of the programme in one file", tag: "results", facilitator: true,
                parameters: [idParameter(), formatParameter], success: [("200", content("The file.", exportTypes))], errors: ["404", "422"])]),
            ("/api/programmes/{id}/workshops", ["post": operation(
                "Create a workshop", tag: "programmes", facilitator: true, parameters: [idParameter()], requestBody: body(workshopInput),
                success: [("201", json("Created.", S.ref("Workshop")))], errors: ["404", "422"], unsafe: true)]),
        ]
    }
}
