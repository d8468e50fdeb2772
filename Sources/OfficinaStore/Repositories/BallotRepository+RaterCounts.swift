/// Reads of "20-rater-tallies": who rated what, without reading a ballot.
extension BallotRepository {
    /// Per proposal of the workshop that someone rated: its raters (`rater_tallies`) and ratings (the
    /// sum of its `rating_tallies` rows). Two index probes per proposal, whatever the number of
    /// ballots; equal to `RaterCount.counting` over the workshop's ballots.
    public func raterCounts(workshopID: Int64) throws -> [Int64: RaterCount] {
        var counts: [Int64: RaterCount] = [:]
        try db.forEachRow("""
            SELECT p.id,
                   coalesce((SELECT r.ballots FROM rater_tallies r WHERE r.proposal_id = p.id), 0),
                   CAST(coalesce((SELECT sum(t.ballots) FROM rating_tallies t WHERE t.proposal_id = p.id), 0) AS BIGINT)
            FROM proposals p WHERE p.workshop_id = ?
            """, [workshopID]) { row in
            let count = RaterCount(raters: row.int(1), ratings: row.int(2))
            if count.raters != 0 || count.ratings != 0 { counts[row.int64(0)] = count }
        }
        return counts
    }
}
