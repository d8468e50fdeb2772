extension Schema {
    /// Affinity clusters: named groups of a workshop's proposals, in the facilitator's order. A
    /// proposal is in at most one cluster; membership lives in a table of its own so the proposals
    /// table is not rebuilt, and deleting a cluster leaves its proposals unclustered (cascade).
    static let clusters = Migration("15-clusters", sql: """
        CREATE TABLE clusters (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            position INTEGER NOT NULL,
            created_at REAL NOT NULL
        ) STRICT;
        CREATE INDEX clusters_by_workshop ON clusters (workshop_id, position);
        CREATE TABLE proposal_clusters (
            proposal_id INTEGER PRIMARY KEY REFERENCES proposals(id) ON DELETE CASCADE,
            cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX proposal_clusters_by_cluster ON proposal_clusters (cluster_id);
        """)
}
