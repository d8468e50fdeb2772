import Foundation
import OfficinaCore
import OfficinaHTTP
import OfficinaStore

/// Affinity clustering: the facilitator groups a workshop's ideas into named clusters on a board,
/// while collecting or voting (a closed workshop is read-only). Everyone in the workshop reads the
/// clusters, and every change is announced live as a `clusters` event carrying the whole board.
struct ClusterRoutes {
    let context: AppContext

    /// A cluster's name: 1 to 60 characters on one line.
    static let name = TextField(field: "name", lengths: 1...60, multiline: false)
    /// Clusters on one board: more would not fit a wall, and bounds every list we send.
    static let maxClusters = 40

    func register(_ routes: inout RouteTable) {
        routes.get("/api/workshops/:code/clusters", list)
        routes.post("/api/workshops/:code/clusters", create)
        routes.put("/api/workshops/:code/clusters/order", reorder)
        routes.patch("/api/clusters/:id", rename)
        routes.delete("/api/clusters/:id", delete)
        routes.put("/api/proposals/:id/cluster", assign)
    }

    func list(_ request: HTTPRequest) async throws -> HTTPResponse {
        let workshop = try context.workshop(request)
        let clusters = try context.store.read { try $0.clusters.list(workshopID: workshop.id) }
        return .json(Self.board(clusters))
    }

    func create(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let body = try JSONFields(request, allowed: ["name"])
        let name = try body.requiredText("name", Self.name)
        let (cluster, event) = try await change(workshop.id) { db in
            let existing = try db.clusters.list(workshopID: workshop.id)
            guard existing.count < Self.maxClusters else {
                throw DomainError(.conflict, code: "too_many_clusters", "A board holds at most \(Self.maxClusters) clusters.")
            }
            try Self.checkUnique(name, among: existing)
            return try db.clusters.create(workshopID: workshop.id, name: name)
        }
        context.publish([event], workshopID: workshop.id)
        return .json(Self.json(cluster), status: .created)
    }

    func rename(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let body = try JSONFields(request, allowed: ["name"])
        let name = try body.requiredText("name", Self.name)
        let workshopID = try existing(id).workshopID
        let (cluster, event) = try await change(workshopID) { db -> Cluster in
            try Self.checkUnique(name, among: try db.clusters.list(workshopID: workshopID).filter { $0.id != id })
            try db.clusters.rename(id: id, to: name)
            guard let cluster = try db.clusters.find(id: id) else { throw APIError.notFound("Cluster") }
            return cluster
        }
        context.publish([event], workshopID: workshopID)
        return .json(Self.json(cluster))
    }

    func delete(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let id = try request.idParameter()
        let workshopID = try existing(id).workshopID
        let (_, event) = try await change(workshopID) { db in
            guard try db.clusters.delete(id: id) else { throw APIError.notFound("Cluster") }
        }
        context.publish([event], workshopID: workshopID)
        return .json(event.facilitatorData)
    }

    func reorder(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let workshop = try context.workshop(request)
        let body = try JSONFields(request, allowed: ["order"])
        guard case let .array(items)? = body.members["order"] else {
            throw APIError.invalid("order", "order must be an array of cluster ids.", code: body.has("order") ? "type" : "required")
        }
        let ids = try items.prefix(Self.maxClusters + 1).map { item -> Int64 in
            guard let number = item.doubleValue, number >= 1, number <= 9e15, number.rounded() == number else {
                throw APIError.invalid("order", "order must hold cluster ids.", code: "type")
            }
            return Int64(number)
        }
        let (_, event) = try await change(workshop.id) { db in
            let current = Set(try db.clusters.list(workshopID: workshop.id).map(\.id))
            guard ids.count == current.count, Set(ids) == current else {
                throw APIError.invalid("order", "order must list each of the workshop's clusters exactly once.", code: "order")
            }
            try db.clusters.reorder(workshopID: workshop.id, ids: ids)
        }
        context.publish([event], workshopID: workshop.id)
        return .json(event.facilitatorData)
    }

    /// `{"cluster": id}` puts the proposal in that cluster (out of any other); `{"cluster": null}` in none.
    func assign(_ request: HTTPRequest) async throws -> HTTPResponse {
        _ = try context.requireFacilitator(request)
        let (proposal, workshop) = try context.proposal(request)
        let body = try JSONFields(request, allowed: ["cluster"])
        let clusterID: Int64?
        switch body.members["cluster"] {
        case nil: throw APIError.invalid("cluster", "cluster is required (an id, or null for none).", code: "required")
        case .null?: clusterID = nil
        case let value?:
            guard let number = value.doubleValue, number >= 1, number <= 9e15, number.rounded() == number else {
                throw APIError.invalid("cluster", "cluster must be a cluster id or null.", code: "type")
            }
            clusterID = Int64(number)
        }
        let (_, event) = try await change(workshop.id) { db in
            if let clusterID {
                guard let cluster = try db.clusters.find(id: clusterID), cluster.workshopID == workshop.id else {
                    throw APIError.invalid("cluster", "Cluster \(clusterID) is not in this workshop.", code: "unknown_cluster")
                }
            }
            try db.clusters.assign(proposalID: proposal.id, to: clusterID)
        }
        context.publish([event], workshopID: workshop.id)
        return .json(event.facilitatorData)
    }

    /// The cluster named by `:id`; 404 when there is none.
    func existing(_ id: Int64) throws -> Cluster {
        guard let cluster = try context.store.read({ try $0.clusters.find(id: id) }) else { throw APIError.notFound("Cluster") }
        return cluster
    }

    /// Runs `body` in one write after checking the phase, and appends the `clusters` event with the
    /// board as it then stands, so the change and its announcement commit together.
    func change<T: Sendable>(_ workshopID: Int64, _ body: @escaping @Sendable (any SQLDatabase) throws -> T) async throws -> (T, LiveEvent) {
        try await context.store.write { db -> (T, LiveEvent) in
            guard let workshop = try db.workshops.find(id: workshopID) else { throw APIError.notFound("Workshop") }
            guard workshop.phase != .closed else {
                throw DomainError(.phase, code: "phase", "The workshop is closed: its clusters can no longer change.")
            }
            let result = try body(db)
            let board = Self.board(try db.clusters.list(workshopID: workshopID))
            return (result, try db.appendLiveEvent(workshopID: workshopID, kind: "clusters", data: (board, board)))
        }
    }

    /// 409 `cluster_name_taken` when another cluster of the board has this name (ignoring case).
    static func checkUnique(_ name: String, among clusters: [Cluster]) throws {
        let folded = name.lowercased()
        if clusters.contains(where: { $0.name.lowercased() == folded }) {
            throw DomainError(.conflict, code: "cluster_name_taken", "A cluster named \"\(name)\" already exists.")
        }
    }

    /// The Clusters shape: `{"clusters":[Cluster…]}` in board order.
    static func board(_ clusters: [Cluster]) -> JSONValue {
        ["clusters": .array(clusters.map(json))]
    }

    /// The Cluster shape.
    static func json(_ cluster: Cluster) -> JSONValue {
        .object([
            ("id", .integer(cluster.id)), ("name", .string(cluster.name)), ("position", .int(cluster.position)),
            ("createdAt", .date(cluster.createdAt)), ("proposals", .array(cluster.proposalIDs.map { .integer($0) })),
        ])
    }
}
