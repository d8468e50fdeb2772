extension OpenAPIDocument {
    /// Pairwise voting (`PairwiseRoutes`).
    static var pairwisePaths: [(String, JSONValue)] {
        let card = S.object([
            ("id", S.integer), ("title", S.string), ("body", S.string), ("goals", S.array(S.string)),
            ("author", S.nullable(S.object([("id", S.integer), ("name", S.string)]))),
        ])
        let next = S.object([
            ("pair", S.nullable(S.array(card))), ("offer", S.nullable(S.string)), ("answered", S.integer),
            ("comparisons", S.integer), ("done", S.boolean),
        ])
        let input = S.object([
            ("winner", S.integer), ("loser", S.integer), ("skip", S.array(S.integer)), ("offer", S.string),
        ], required: ["offer"], closed: true)
        let answer = S.object([
            ("winner", S.nullable(S.integer)), ("loser", S.nullable(S.integer)), ("skip", S.nullable(S.array(S.integer))),
            ("answered", S.integer),
        ])
        return [
            ("/api/workshops/{code}/pair", [
                "get": operation(
                    "The caller's next pair to compare (pairwise workshops, voting): least-compared proposal against a near neighbour",
                    tag: "voting", parameters: [codeParameter],
                    success: [("200", json("Two proposals (never the caller's own) and the offer token to answer with; pair null once no pair is left.", next))],
                    errors: ["403", "404", "409"]),
            ]),
            ("/api/workshops/{code}/comparisons", [
                "post": operation(
                    "Answer the offered pair: {winner, loser, offer} or {skip: [a, b], offer}; 403 own_proposal for a pair with the caller's own proposal", tag: "voting",
                    parameters: [codeParameter], requestBody: body(input),
                    success: [("201", json("Stored.", answer))], errors: ["403", "404", "409", "422"], unsafe: true),
            ]),
        ]
    }
}
