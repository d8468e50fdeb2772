import Foundation

/// Affinity clusters (`clusters`) and which proposal sits in which (`proposal_clusters`).
///
/// The repository keeps integrity only (a proposal in one cluster, positions dense); who may
/// change clusters and in which phase is the App's business.
public struct ClusterRepository {
    let db: any SQLDatabase

    /// The workshop's clusters in board order, each with its proposals (oldest first).
    public func list(workshopID: Int64) throws -> [Cluster] {
        var clusters = try db.query("""
            SELECT id, workshop_id, name, position, created_at FROM clusters WHERE workshop_id = ? ORDER BY position, id
            """, [workshopID], Self.cluster)
        let members = try membership(workshopID: workshopID)
        var byCluster: [Int64: [Int64]] = [:]
        for (proposal, cluster) in members.sorted(by: { $0.key < $1.key }) { byCluster[cluster, default: []].append(proposal) }
        for index in clusters.indices { clusters[index].proposalIDs = byCluster[clusters[index].id] ?? [] }
        return clusters
    }

    /// One cluster with its proposals, or `nil`.
    public func find(id: Int64) throws -> Cluster? {
        guard var cluster = try db.queryOne("""
            SELECT id, workshop_id, name, position, created_at FROM clusters WHERE id = ?
            """, [id], Self.cluster) else { return nil }
        cluster.proposalIDs = try db.query("SELECT proposal_id FROM proposal_clusters WHERE cluster_id = ? ORDER BY proposal_id",
                                           [id]) { $0.int64(0) }
        return cluster
    }

    /// Every clustered proposal of the workshop, mapped to its cluster.
    public func membership(workshopID: Int64) throws -> [Int64: Int64] {
        let pairs = try db.query("""
            SELECT m.proposal_id, m.cluster_id FROM proposal_clusters m
            JOIN clusters c ON c.id = m.cluster_id WHERE c.workshop_id = ?
            """, [workshopID]) { ($0.int64(0), $0.int64(1)) }
        return Dictionary(pairs, uniquingKeysWith: { _, last in last })
    }

    /// Adds a cluster at the end of the board.
    public func create(workshopID: Int64, name: String, at now: Date = Date()) throws -> Cluster {
        let next = try db.queryOne("SELECT COALESCE(MAX(position) + 1, 0) FROM clusters WHERE workshop_id = ?", [workshopID]) { $0.int(0) } ?? 0
        guard let id = try db.queryOne("INSERT INTO clusters (workshop_id, name, position, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                                       [workshopID, name, next, now.asStored], { $0.int64(0) }),
              let cluster = try find(id: id) else { throw StoreError(.sqlite, message: "cluster insert returned no row") }
        return cluster
    }

    /// Renames a cluster; false when there is no such cluster.
    @discardableResult
    public func rename(id: Int64, to name: String) throws -> Bool {
        try db.execute("UPDATE clusters SET name = ? WHERE id = ?", [name, id])
        return db.changes > 0
    }

    /// Deletes a cluster (its proposals become unclustered) and closes the gap in the positions.
    @discardableResult
    public func delete(id: Int64) throws -> Bool {
        guard let cluster = try find(id: id) else { return false }
        try db.execute("DELETE FROM clusters WHERE id = ?", [id])
        try db.execute("UPDATE clusters SET position = position - 1 WHERE workshop_id = ? AND position > ?",
                       [cluster.workshopID, cluster.position])
        return true
    }

    /// Puts the workshop's clusters in the order of `ids`, which the caller has checked holds each of
    /// them exactly once.
    public func reorder(workshopID: Int64, ids: [Int64]) throws {
        for (position, id) in ids.enumerated() {
            try db.execute("UPDATE clusters SET position = ? WHERE id = ? AND workshop_id = ?", [position, id, workshopID])
        }
    }

    /// Puts a proposal in a cluster, moving it out of any other, or (`clusterID` nil) in none.
    public func assign(proposalID: Int64, to clusterID: Int64?) throws {
        guard let clusterID else {
            try db.execute("DELETE FROM proposal_clusters WHERE proposal_id = ?", [proposalID])
            return
        }
        try db.execute("""
            INSERT INTO proposal_clusters (proposal_id, cluster_id) VALUES (?, ?)
            ON CONFLICT (proposal_id) DO UPDATE SET cluster_id = excluded.cluster_id
            """, [proposalID, clusterID])
    }

    static func cluster(_ row: Row) -> Cluster {
        Cluster(id: row.int64(0), workshopID: row.int64(1), name: row.text(2), position: row.int(3), createdAt: row.date(4))
    }
}

extension SQLDatabase {
    /// The workshop's affinity clusters.
    public var clusters: ClusterRepository { ClusterRepository(db: self) }
}
