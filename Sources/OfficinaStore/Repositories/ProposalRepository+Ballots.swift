extension ProposalRepository {
    /// The author of each visible proposal of the workshop, by proposal id: all a ballot is checked
    /// against (which proposals may be supported, and which are the voter's own). One indexed query,
    /// cheap enough to run inside the ballot's write.
    public func visibleAuthors(workshopID: Int64) throws -> [Int64: Int64] {
        let pairs = try db.query(
            "SELECT id, author_id FROM proposals WHERE workshop_id = ? AND status = 'visible'", [workshopID]
        ) { ($0.int64(0), $0.int64(1)) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}
