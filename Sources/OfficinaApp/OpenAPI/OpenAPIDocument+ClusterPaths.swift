extension OpenAPIDocument {
    /// Affinity clusters: named groups of ideas on the facilitator's board (issue 12).
    static var clusterPaths: [(String, JSONValue)] {
        let cluster = S.object([
            ("id", S.integer), ("name", S.string), ("position", S.integer), ("createdAt", S.dateTime),
            ("proposals", S.array(S.integer)),
        ])
        let board = json("Every cluster of the workshop in board order, with its proposals.",
                         S.object([("clusters", S.array(cluster))]))
        let name = body(S.object([("name", S.string(length: 1...60))], required: ["name"], closed: true))
        return [
            ("/api/workshops/{code}/clusters", [
                "get": operation("The workshop's clusters (anyone)", tag: "clusters", parameters: [codeParameter],
                                 success: [("200", board)], errors: ["404"]),
                "post": operation("Add a cluster at the end of the board; 409 cluster_name_taken, too_many_clusters (40), phase (closed)",
                                  tag: "clusters", facilitator: true, parameters: [codeParameter], requestBody: name,
                                  success: [("201", json("The new cluster.", cluster))], errors: ["404", "409", "422"], unsafe: true),
            ]),
            ("/api/workshops/{code}/clusters/order", ["put": operation(
                "Reorder the board: `order` lists every cluster id exactly once (422 order otherwise)", tag: "clusters",
                facilitator: true, parameters: [codeParameter],
                requestBody: body(S.object([("order", S.array(S.integer))], required: ["order"], closed: true)),
                success: [("200", board)], errors: ["404", "409", "422"], unsafe: true)]),
            ("/api/clusters/{id}", [
                "patch": operation("Rename a cluster", tag: "clusters", facilitator: true, parameters: [idParameter()], requestBody: name,
                                   success: [("200", json("The cluster.", cluster))], errors: ["404", "409", "422"], unsafe: true),
                "delete": operation("Delete a cluster; its ideas become unclustered", tag: "clusters", facilitator: true,
                                    parameters: [idParameter()], success: [("200", board)], errors: ["404", "409"], unsafe: true),
            ]),
            ("/api/proposals/{id}/cluster", ["put": operation(
                "Put an idea in a cluster (moving it out of any other), or in none with null; 422 unknown_cluster", tag: "clusters",
                facilitator: true, parameters: [idParameter()],
                requestBody: body(S.object([("cluster", S.nullable(S.integer))], required: ["cluster"], closed: true)),
                success: [("200", board)], errors: ["404", "409", "422"], unsafe: true)]),
        ]
    }

    /// `?cluster=ID` on the ranking and the exports.
    static var clusterQuery: JSONValue {
        query("cluster", S.integer(1...9_007_199_254_740_991), "Only the proposals of this cluster (ranks stay those of the whole workshop).")
    }
}
