import OfficinaStore

extension WorkshopResults {
    /// Names each readable proposal's cluster in the export details and, for `?cluster=ID`, limits
    /// the ranking and the exports to that cluster.
    mutating func applyClusters(filter id: Int64?, in db: any SQLDatabase) throws {
        let clusters = try db.clusters.list(workshopID: workshop.id)
        for cluster in clusters {
            for proposal in cluster.proposalIDs where details[String(proposal)] != nil {
                details[String(proposal)]?.cluster = cluster.name
            }
        }
        if let id { cluster = try ClusterFilter.load(id: id, workshopID: workshop.id, in: db) }
    }
}
