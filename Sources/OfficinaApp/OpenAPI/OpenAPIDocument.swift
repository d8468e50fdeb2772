/// The machine-readable contract served at `GET /api/openapi.json` (OpenAPI 3.1.0,
/// https://spec.openapis.org/oas/v3.1.0): every endpoint of docs/api.md, its body and its
/// errors. Request bodies are closed objects, as the server refuses unknown fields.
public enum OpenAPIDocument {
    /// The document as JSON.
    public static let json: JSONValue = .object([
        ("openapi", "3.1.0"),
        ("info", [
            "title": "Officina API",
            "version": "1.0.0",
            "description": "Co-creation workshops and idea voting. Errors are {\"error\":{\"code\",\"message\",\"field\"}}. Unsafe methods need an Origin (or Referer) matching Host, else 403 `origin`. The participant cookie is `officina_p_<CODE>`, one per workshop.",
        ]),
        ("paths", .object(paths)),
        ("components", .object([
            ("schemas", .object(schemas + commitmentSchemas)),
            ("securitySchemes", [
                "facilitator": ["type": "apiKey", "in": "cookie", "name": "officina_session"],
            ]),
        ])),
    ])

    /// Cached bytes.
    public static let bytes: [UInt8] = json.bytes

    // MARK: building blocks

    static func body(_ schema: JSONValue) -> JSONValue {
        ["required": true, "content": ["application/json": ["schema": schema]]]
    }

    static func json(_ description: String, _ schema: JSONValue) -> JSONValue {
        ["description": .string(description), "content": ["application/json": ["schema": schema]]]
    }

    /// A response in one of several media types: JSON ones are objects, the others text.
    static func content(_ description: String, _ types: [String]) -> JSONValue {
        ["description": .string(description), "content": .object(types.map { type in
            (type, ["schema": type.hasSuffix("json") ? ["type": "object"] : ["type": "string"]])
        })]
    }

    static func error(_ description: String) -> JSONValue { json(description, S.ref("Error")) }

    static let codeParameter: JSONValue = [
        "name": "code", "in": "path", "required": true, "description": "The workshop's 6-character join code.",
        "schema": ["type": "string", "minLength": 1, "maxLength": 64],
    ]

    static func idParameter(_ name: String = "id") -> JSONValue {
        ["name": .string(name), "in": "path", "required": true, "schema": ["type": "integer", "minimum": 1, "maximum": 9_007_199_254_740_991]]
    }

    static func query(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        ["name": .string(name), "in": "query", "required": false, "schema": schema, "description": .string(description)]
    }

    /// One operation. `errors` lists the statuses beyond those every operation may answer.
    static func operation(
        _ summary: String, tag: String, facilitator: Bool = false, parameters: [JSONValue] = [], requestBody: JSONValue? = nil,
        success: [(String, JSONValue)], errors: [String] = [], unsafe: Bool = false
    ) -> JSONValue {
        var responses = success
        var statuses = errors
        statuses.append("400")
        if unsafe { statuses.append("403") }
        if facilitator { statuses += ["401", "403"] }
        statuses.append("503")
        var seen: Set<String> = []
        for status in statuses.sorted() where seen.insert(status).inserted {
            responses.append((status, error(errorDescription(status))))
        }
        responses.append(("default", error("Another error, in the same shape.")))
        var members: [(String, JSONValue)] = [("summary", .string(summary)), ("tags", [.string(tag)])]
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let requestBody { members.append(("requestBody", requestBody)) }
        if facilitator { members.append(("security", [["facilitator": []]])) }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    static func errorDescription(_ status: String) -> String {
        switch status {
        case "400": "Malformed request: the body is not JSON or not an object (`bad_json`)."
        case "401": "Not signed in as a facilitator (`unauthenticated`), or wrong credentials (`credentials`)."
        case "403": "Cross-origin unsafe request (`origin`), or the caller may not do this (`forbidden`, `not_participant`)."
        case "404": "No such workshop, programme or proposal (`not_found`)."
        case "409": "The workshop's phase forbids this (`phase`), settings are locked (`locked`), a quota is used up (`proposal_quota`, `proposal_cap`, `buildon_quota`), or a conflict (`conflict`)."
        case "422": "A field is invalid; `field` names it (`type`, `required`, `unknown_field`, `too_long`, `range`, `<field>_length`, `combining_marks`, …)."
        case "429": "Too many attempts (`rate_limited`) or edits (`edit_rate`); see `Retry-After`."
        case "503": "The database is busy or unavailable (`unavailable`); see `Retry-After`."
        default: "Error."
        }
    }
}
