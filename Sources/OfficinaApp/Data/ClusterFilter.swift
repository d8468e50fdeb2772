import OfficinaHTTP
import OfficinaStore

/// `?cluster=ID` on the ranking and the exports: only that affinity cluster's proposals.
public struct ClusterFilter: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var proposalIDs: Set<Int64>

    /// The id asked for, nil without `?cluster=`; 422 `cluster` when it is not a positive integer.
    static func requestedID(_ request: HTTPRequest) throws -> Int64? {
        guard let text = request.queryItems["cluster"], !text.isEmpty else { return nil }
        guard let id = Int64(text), id > 0 else {
            throw APIError.invalid("cluster", "cluster must be a cluster id.", code: "cluster")
        }
        return id
    }

    /// The cluster `id` of `workshopID`; 422 `unknown_cluster` when the workshop has no such cluster.
    static func load(id: Int64, workshopID: Int64, in db: any SQLDatabase) throws -> ClusterFilter {
        guard let cluster = try db.clusters.find(id: id), cluster.workshopID == workshopID else {
            throw APIError.invalid("cluster", "Cluster \(id) is not in this workshop.", code: "unknown_cluster")
        }
        return ClusterFilter(id: cluster.id, name: cluster.name, proposalIDs: Set(cluster.proposalIDs))
    }
}
