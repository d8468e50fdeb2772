extension OpenAPIDocument {
    /// A workshop's scoring choices (`ScoringRoutes`).
    static var scoringPaths: [(String, JSONValue)] {
        let preferences = S.object([
            ("method", S.enumeration(["officina-1", "officina-2"])), ("exposure", S.enumeration(["balanced", "shuffled"])),
            ("methods", S.array(S.string)), ("exposures", S.array(S.string)), ("bridging", S.boolean),
        ])
        let input = S.object([
            ("method", S.enumeration(["officina-1", "officina-2"])), ("exposure", S.enumeration(["balanced", "shuffled"])),
            ("bridging", S.boolean),
        ], required: [], closed: true)
        return [
            ("/api/workshops/{code}/scoring", [
                "get": operation("The scoring method and the order proposals are shown in", tag: "results", facilitator: true,
                                 parameters: [codeParameter], success: [("200", json("The choices and the options.", preferences))], errors: ["404"]),
                "patch": operation("Change the scoring method or the exposure order (any phase; ballots are untouched)", tag: "results",
                                   facilitator: true, parameters: [codeParameter], requestBody: body(input),
                                   success: [("200", json("Updated.", preferences))], errors: ["404", "422"], unsafe: true),
            ]),
        ]
    }

    /// The proposals list's `order` member: the exposure mode applied and the "needs your eyes" ids.
    static var exposureOrderSchema: JSONValue {
        S.object([("mode", S.enumeration(["balanced", "shuffled", "id"])), ("needsEyes", S.array(S.integer))])
    }
}
