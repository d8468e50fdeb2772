/// The router's routes as a tree of path segments, built once at registration and only read while
/// serving: a lookup walks the request's segments once, trying a literal child first, then a
/// `:name` child, then a final `*`, so its cost follows the path's depth, not the number of routes.
///
/// Endpoints are indices into the router's endpoint list; each node keeps one per method.
struct RouteTree: Sendable {
    struct Node: Sendable {
        var literals: [Substring: Int] = [:]
        var parameter: Int?
        /// Endpoints of patterns that end here, by method.
        var endpoints: [HTTPMethod: Int] = [:]
        /// Endpoints of patterns ending in `*` here, by method.
        var rest: [HTTPMethod: Int] = [:]
    }

    /// A match: the endpoint and the captured segments in path order (the `*` capture last).
    struct Match {
        var endpoint: Int
        var captures: [Substring]
        var rest: Substring?
    }

    private(set) var nodes: [Node] = [Node()]

    /// Adds `pattern`'s segments for `method`; a later pattern equal to an earlier one is ignored,
    /// as the first registered route always won.
    mutating func insert(_ segments: [Substring], method: HTTPMethod, endpoint: Int) {
        var node = 0
        for segment in segments {
            if segment == "*" {
                if nodes[node].rest[method] == nil { nodes[node].rest[method] = endpoint }
                return
            }
            if segment.hasPrefix(":") {
                node = child(of: node, existing: nodes[node].parameter) { $0.parameter = $1 }
            } else {
                node = child(of: node, existing: nodes[node].literals[segment]) { $0.literals[segment] = $1 }
            }
        }
        if nodes[node].endpoints[method] == nil { nodes[node].endpoints[method] = endpoint }
    }

    private mutating func child(of node: Int, existing: Int?, link: (inout Node, Int) -> Void) -> Int {
        if let existing { return existing }
        nodes.append(Node())
        link(&nodes[node], nodes.count - 1)
        return nodes.count - 1
    }

    /// The endpoint for `method` at `segments`, or nil.
    func match(_ method: HTTPMethod, _ segments: [Substring]) -> Match? {
        var captures: [Substring] = []
        return walk(0, segments[...], &captures) { node, rest in
            if let rest { return nodes[node].rest[method].map { Match(endpoint: $0, captures: [], rest: rest) } }
            return nodes[node].endpoints[method].map { Match(endpoint: $0, captures: [], rest: nil) }
        }.map { found in
            var found = found
            found.captures = captures
            return found
        }
    }

    /// Every method some pattern accepts at `segments` (for 405's `Allow`).
    func methods(_ segments: [Substring]) -> Set<HTTPMethod> {
        var methods = Set<HTTPMethod>()
        var captures: [Substring] = []
        _ = walk(0, segments[...], &captures, collectAll: true) { node, rest -> Match? in
            if rest != nil { methods.formUnion(nodes[node].rest.keys) } else { methods.formUnion(nodes[node].endpoints.keys) }
            return nil
        }
        return methods
    }

    /// Depth-first: literal, then parameter, then `*`. `accept` is asked at each candidate end
    /// (with the remaining path for a `*`); its first non-nil answer ends the walk.
    private func walk(
        _ node: Int, _ path: ArraySlice<Substring>, _ captures: inout [Substring], collectAll: Bool = false,
        accept: (Int, Substring?) -> Match?
    ) -> Match? {
        guard let segment = path.first else {
            if let found = accept(node, nil) { return found }
            if !nodes[node].rest.isEmpty { return accept(node, "") }
            return nil
        }
        let remaining = path.dropFirst()
        if let next = nodes[node].literals[segment], let found = walk(next, remaining, &captures, collectAll: collectAll, accept: accept) {
            return found
        }
        if let next = nodes[node].parameter {
            captures.append(segment)
            if let found = walk(next, remaining, &captures, collectAll: collectAll, accept: accept) { return found }
            captures.removeLast()
        }
        if !nodes[node].rest.isEmpty {
            return accept(node, Substring(path.joined(separator: "/")))
        }
        return nil
    }
}
